using Accel.Codegen.Ir;

namespace Accel.Codegen.Backends.Rtl;

internal sealed partial class VerilogPrinter
{
    /// <summary>Prints the lines that compute <paramref name="e"/> and returns the operand that holds it (a
    /// register or a literal) with exactly the C# type's width and signedness.</summary>
    public string Expr(IrExpr e)
    {
        switch (e)
        {
            case ConstExpr c when c.Type is IntType or BoolType: return Constant(c.Type, c.IntValue);
            case ParamRefExpr p: return Constant(p.Type, p.Param.Value);
            case NamedConstExpr n: return Constant(n.Type, n.Constant.Value);
            case VarRefExpr { Variable: var v } when v.Type is IntType or BoolType: return Name(v);
            case IndexExpr i: return Index(i);
            case UnaryExpr u: return Assign(u.Type, u.Op switch { UnaryOp.Neg => "-", UnaryOp.Not => "!", _ => "~" } + Expr(u.Operand));
            case BinaryExpr b: return Binary(b);
            case ConvertExpr c when c.Type is IntType or BoolType: return Assign(c.Type, Expr(c.Operand));
            case ConditionalExpr c when Ports is not null && (ReadsPort(c.WhenTrue) || ReadsPort(c.WhenFalse)):
                return Guarded(c);
            case ConditionalExpr c:
            {
                var condition = Expr(c.Condition);
                var whenTrue = Expr(c.WhenTrue);
                return Assign(c.Type, $"{condition} ? {whenTrue} : {Expr(c.WhenFalse)}");
            }
            case CallExpr call: return Call(call);
            case IntrinsicExpr i: return Intrinsic(i);
            default:
                rejections.Report(Line, $"the expression {e.GetType().Name.Replace("Expr", "")} of type {e.Type}");
                return "1'b0";
        }
    }

    /// <summary>A ?: with a port read on a side: only the side taken runs (a read pops its port's queue, and the
    /// request side asked only under the same condition); a known condition prints only its side.</summary>
    private string Guarded(ConditionalExpr c)
    {
        if (Known(c.Condition) is { } k) return Expr(k != 0 ? c.WhenTrue : c.WhenFalse);
        var condition = Expr(c.Condition);
        var result = Temp(c.Type);
        Open($"if ({condition}) begin");
        Emit($"{result} = {Expr(c.WhenTrue)};");
        Close("end else begin");
        Indent();
        Emit($"{result} = {Expr(c.WhenFalse)};");
        Close();
        return result;
    }

    private bool ReadsPort(IrExpr e) => new PortReadFinder(this).In(e);

    private sealed class PortReadFinder(VerilogPrinter printer) : Passes.IrWalker
    {
        private bool found;

        public bool In(IrExpr e)
        {
            e.Accept(this);
            return found;
        }

        public override bool VisitIndex(IndexExpr e)
        {
            found |= printer.TryResolve(e.Array) is PortTarget;
            return base.VisitIndex(e);
        }
    }

    private string Assign(IrType type, string value)
    {
        var t = Temp(type);
        Emit($"{t} = {value};");
        return t;
    }

    private string Binary(BinaryExpr b)
    {
        var left = Expr(b.Left);
        var right = Expr(b.Right);
        switch (b.Op)
        {
            case BinaryOp.Shl or BinaryOp.Shr or BinaryOp.UShr:
                // C# masks the shift count to the left operand's width; Verilog would shift everything out.
                int mask = b.Left.Type is IntType { Bits: 64 } ? 63 : 31;
                var count = Known(b.Right) is { } k ? (k & mask).ToString() : $"{right}[{(mask == 63 ? 5 : 4)}:0]";
                var op = b.Op switch { BinaryOp.Shl => "<<", BinaryOp.Shr => ">>>", _ => ">>" };
                return Assign(b.Type, $"{left} {op} {count}");
            default:
                var symbol = b.Op switch
                {
                    BinaryOp.Add => "+", BinaryOp.Sub => "-", BinaryOp.Mul => "*", BinaryOp.Div => "/", BinaryOp.Rem => "%",
                    BinaryOp.And => "&", BinaryOp.Or => "|", BinaryOp.Xor => "^",
                    BinaryOp.Eq => "==", BinaryOp.Ne => "!=", BinaryOp.Lt => "<", BinaryOp.Le => "<=", BinaryOp.Gt => ">", BinaryOp.Ge => ">=",
                    BinaryOp.LogicalAnd => "&&", _ => "||",
                };
                return Assign(b.Type, $"{left} {symbol} {right}");
        }
    }

    /// <summary>The value of an expression fixed at generation time (constants, kernel parameters, parameters of
    /// this inlined copy that hold constants), or null.</summary>
    public long? Known(IrExpr e) => e switch
    {
        VarRefExpr { Variable: var v } => Scope.Constant(v.Name),
        ConstExpr c when c.Type is IntType or BoolType => c.IntValue,
        ParamRefExpr p => p.Param.Value,
        NamedConstExpr n => n.Constant.Value,
        ConvertExpr c => Known(c.Operand),
        BinaryExpr { Op: BinaryOp.Add } b when Known(b.Left) is { } l && Known(b.Right) is { } r => l + r,
        BinaryExpr { Op: BinaryOp.Sub } b when Known(b.Left) is { } l && Known(b.Right) is { } r => l - r,
        BinaryExpr { Op: BinaryOp.Mul } b when Known(b.Left) is { } l && Known(b.Right) is { } r => l * r,
        _ => null,
    };

    private string Index(IndexExpr i)
    {
        var target = Resolve(i.Array);
        var index = Expr(i.Index);
        switch (target)
        {
            case RomTarget rom: return Assign(i.Type, $"{RomName(rom.Table)}[{index}]");
            case MemoryTarget memory: return Assign(i.Type, $"{memory.Name}[{index}]");
            case PortTarget port when Ports is not null: return Ports.Read(port.Port, index, i.Type, Line);
            case PortTarget port:
                rejections.Report(Line, $"reading port {port.Port.Name} outside a pipelined loop");
                return "1'b0";
            default: return "1'b0";
        }
    }

    public static string RomName(LookupTable table) => $"rom_{table.Name}";

    public static string MemoryName(string prefix, Variable array) => $"m_{prefix}{array.Name}";

    /// <summary>The storage an array expression names in the current scope.</summary>
    public ArrayTarget? Resolve(IrExpr array)
    {
        var target = TryResolve(array);
        if (target is null) rejections.Report(Line, $"the array expression {array}");
        return target;
    }

    public ArrayTarget? TryResolve(IrExpr array) => array switch
    {
        TableRefExpr t => new RomTarget(t.Table),
        VarRefExpr { Variable: { Type: PortType } v } => new PortTarget(v),
        VarRefExpr { Variable: var v } => Scope.Array(v.Name),
        _ => null,
    };

    /// <summary>Binds a callee's parameters in its scope: arrays to the caller's storage; a scalar the callee never
    /// assigns and the caller passes as a constant becomes that constant (so `sum / dim` divides by a constant);
    /// any other scalar is copied into the callee's register.</summary>
    public void BindArguments(IrFunction callee, VerilogScope scope, IReadOnlyList<IrExpr> arguments)
    {
        var assigned = AssignedIn.Of(callee.Body);
        var copies = new List<(Variable Parameter, string Operand)>();
        for (int k = 0; k < callee.Parameters.Count; k++)
        {
            var parameter = callee.Parameters[k];
            if (parameter.Type is not (IntType or BoolType))
            {
                if (Resolve(arguments[k]) is { } target) scope.BindArray(parameter.Name, target);
            }
            else if (Known(arguments[k]) is { } value && !assigned.Contains(parameter.Name)) scope.BindConstant(parameter.Name, value, Constant(parameter.Type, value));
            else copies.Add((parameter, Expr(arguments[k])));
        }
        var caller = Scope;
        Scope = scope;
        try { foreach (var (parameter, operand) in copies) Emit($"{Name(parameter)} = {operand};"); }
        finally { Scope = caller; }
    }

    /// <summary>An inlined call: arguments into the callee's own registers, its body printed in place, its result
    /// in a register of its own. A return before the end sets a flag that guards the statements after it.</summary>
    private string Call(CallExpr call)
    {
        var callee = functions[call.Callee];
        var prefix = NextInlinePrefix(callee.Name);
        bool hasResult = callee.ReturnType is not VoidType;
        var scope = new VerilogScope(prefix)
        {
            Result = hasResult ? Register(prefix + "result", callee.ReturnType) : null,
            Returned = Register(prefix + "returned", IrType.Bool),
        };
        BindArguments(callee, scope, call.Arguments);
        var caller = Scope;
        Scope = scope;
        try
        {
            Emit($"{scope.Returned} = 1'b0;");
            Block(callee.Body.Statements);
        }
        finally { Scope = caller; }
        return scope.Result ?? "1'b0";
    }

    /// <summary>A FIFO access: only in a pipelined loop, where the stages say when it happens.</summary>
    private string Stream(IntrinsicExpr i)
    {
        if (TryResolve(i.Arguments[0]) is not StreamTarget stream)
        {
            rejections.Report(Line, $"the stream expression {i.Arguments[0]}");
            return "1'b0";
        }
        if (i.Intrinsic == Ir.Intrinsic.StreamEmpty)
        {
            rejections.Report(Line, $"testing stream {stream.Name} for emptiness");
            return "1'b0";
        }
        if (Ports is null)
        {
            rejections.Report(Line, $"a {(i.Intrinsic == Ir.Intrinsic.StreamRead ? "read" : "write")} of stream {stream.Name} outside a pipelined loop");
            return "1'b0";
        }
        if (i.Intrinsic == Ir.Intrinsic.StreamRead) return Ports.ReadStream(stream, i.Type, Line);
        Ports.WriteStream(stream, Assign(stream.Element, Expr(i.Arguments[1])), Line);
        return "1'b0";
    }

    private string Intrinsic(IntrinsicExpr i)
    {
        if (i.Intrinsic is Ir.Intrinsic.StreamRead or Ir.Intrinsic.StreamWrite or Ir.Intrinsic.StreamEmpty) return Stream(i);
        var a = i.Arguments.Select(Expr).ToList();
        var t = i.Type;
        switch (i.Intrinsic)
        {
            case Ir.Intrinsic.RoundShift or Ir.Intrinsic.MulRound:
            {
                // x / 2^n rounded: add half, arithmetic shift; n <= 0 leaves x (Fx.RoundShift).
                var x = i.Intrinsic == Ir.Intrinsic.MulRound ? Assign(t, $"{a[0]} * {a[1]}") : a[0];
                var n = a[^1];
                var half = Assign(t, $"({Constant(t, 1)} << (({n} - 1) & 63)) ");
                return Assign(t, $"({n} <= 0) ? {x} : (({x} + {half}) >>> ({n} & 63))");
            }
            case Ir.Intrinsic.Saturate:
            {
                var max = Assign(t, $"({Constant(t, 1)} << (({a[1]} - 1) & 63)) - {Constant(t, 1)}");
                var min = Assign(t, $"-{max} - {Constant(t, 1)}");
                return Assign(t, $"{a[0]} > {max} ? {max} : ({a[0]} < {min} ? {min} : {a[0]})");
            }
            case Ir.Intrinsic.SaturateUnsigned:
            {
                var max = Assign(t, $"({Constant(t, 1)} << ({a[1]} & 63)) - {Constant(t, 1)}");
                return Assign(t, $"{a[0]} > {max} ? {max} : ({a[0]} < {Constant(t, 0)} ? {Constant(t, 0)} : {a[0]})");
            }
            case Ir.Intrinsic.LeadingZeros:
            {
                // A priority encoder: the highest set bit wins, 64 for zero.
                var result = Assign(t, Constant(t, 64));
                for (int bit = 0; bit < 64; bit++) Emit($"if ({a[0]}[{bit}]) {result} = {Constant(t, 63 - bit)};");
                return result;
            }
            case Ir.Intrinsic.Abs: return Assign(t, $"{a[0]} < {Constant(t, 0)} ? -{a[0]} : {a[0]}");
            case Ir.Intrinsic.Min: return Assign(t, $"{a[0]} < {a[1]} ? {a[0]} : {a[1]}");
            case Ir.Intrinsic.Max: return Assign(t, $"{a[0]} > {a[1]} ? {a[0]} : {a[1]}");
            default:
                rejections.Report(Line, $"the stream operation {i.Intrinsic}");
                return "1'b0";
        }
    }
}
