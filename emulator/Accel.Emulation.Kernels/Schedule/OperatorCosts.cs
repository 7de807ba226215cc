using Accel.Codegen.Ir;

namespace Accel.Emulation.Kernels.Schedule;

/// <summary>The latency of each IR operator at one clock, from the operator latency table, and its name as a
/// schedule report gives it ("float add"). Float operators are registered IP cores (they never chain); integer
/// ones below one cycle are combinational fractions that chain.</summary>
internal sealed class OperatorCosts(double clockMhz)
{
    private static readonly OperatorLatencyTable Table = OperatorLatencyTable.UltraScalePlus;

    public double ClockMhz => clockMhz;

    public (double Cycles, string Name) Binary(BinaryExpr b)
    {
        var type = b.Left.Type;
        bool isFloat = type is FloatType;
        string kind = isFloat ? FloatName(type) : "integer";
        return b.Op switch
        {
            BinaryOp.Add or BinaryOp.Sub => isFloat ? (Cost(OperatorKind.FloatAdd, type), $"{kind} add") : (Cost(OperatorKind.Add, type), "add"),
            BinaryOp.Mul => isFloat ? (Cost(OperatorKind.FloatMul, type), $"{kind} multiply") : (Cost(OperatorKind.Mul, type), "multiply"),
            BinaryOp.Div or BinaryOp.Rem => isFloat ? (Cost(OperatorKind.FloatDiv, type), $"{kind} divide")
                : (Cost(OperatorKind.Div, type), b.Op == BinaryOp.Div ? "divide" : "modulo"),
            BinaryOp.Shl or BinaryOp.Shr or BinaryOp.UShr => IsConstant(b.Right) ? (0, "shift") : (Cost(OperatorKind.Shl, type), "variable shift"),
            BinaryOp.And or BinaryOp.Or or BinaryOp.Xor or BinaryOp.LogicalAnd or BinaryOp.LogicalOr => (Cost(OperatorKind.And, type), "logic"),
            // A float compare is a registered core too (one cycle at these clocks).
            _ => isFloat ? (Math.Max(1, Cost(OperatorKind.Lt, type)), $"{kind} compare") : (Cost(OperatorKind.Lt, type), "compare"),
        };
    }

    public (double Cycles, string Name) Unary(UnaryExpr u) =>
        u.Op == UnaryOp.Neg && u.Type is not FloatType ? (Cost(OperatorKind.Sub, u.Type), "negate") : (0, "sign"); // a float negation flips a bit

    /// <summary>Integer width changes are wiring; anything to or from a float is a conversion core.</summary>
    public (double Cycles, string Name) Convert(ConvertExpr c) =>
        c.Type is FloatType || c.Operand.Type is FloatType
            ? (c.Type == c.Operand.Type ? 0 : Cost(OperatorKind.FloatConvert, IrType.Int64), $"{Describe(c.Operand.Type)} to {Describe(c.Type)} conversion")
            : (0, "cast");

    public (double Cycles, string Name) Intrinsic(IntrinsicExpr i) => (i.Intrinsic switch
    {
        Codegen.Ir.Intrinsic.RoundShift => Cost(OperatorKind.Add, IrType.Int64) + Cost(OperatorKind.Shl, IrType.Int64),
        Codegen.Ir.Intrinsic.MulRound => Cost(OperatorKind.Mul, IrType.Int64) + Cost(OperatorKind.Add, IrType.Int64) + Cost(OperatorKind.Shl, IrType.Int64),
        Codegen.Ir.Intrinsic.Saturate or Codegen.Ir.Intrinsic.SaturateUnsigned => Cost(OperatorKind.Lt, IrType.Int64) + 2 * Cost(OperatorKind.Mux, IrType.Int64),
        Codegen.Ir.Intrinsic.LeadingZeros => 6 * Cost(OperatorKind.Mux, IrType.Int64),
        Codegen.Ir.Intrinsic.Abs => Cost(OperatorKind.Add, i.Type) + Cost(OperatorKind.Mux, i.Type),
        Codegen.Ir.Intrinsic.Min or Codegen.Ir.Intrinsic.Max => Cost(OperatorKind.Lt, i.Type) + Cost(OperatorKind.Mux, i.Type),
        // Stream operations are timed by the engine from the trace (a FIFO's own cycle), not here.
        Codegen.Ir.Intrinsic.StreamRead or Codegen.Ir.Intrinsic.StreamWrite or Codegen.Ir.Intrinsic.StreamEmpty => 0,
        _ => throw new Codegen.InternalCompilerException($"the schedule has no latency for intrinsic {i.Intrinsic}"),
    }, i.Intrinsic.Info().Name);

    public double Mux(IrType type) => Cost(OperatorKind.Mux, type);

    public double BramRead(IrType type) => Cost(OperatorKind.BramRead, type);

    private double Cost(OperatorKind kind, IrType type) =>
        Table.Cycles(kind, type switch { IntType t => t.Bits, FloatType f => f.Bits, _ => 1 }, clockMhz);

    private static bool IsConstant(IrExpr e) => e is ConstExpr or ParamRefExpr or NamedConstExpr;

    private static string FloatName(IrType type) => type is FloatType { Bits: 64 } ? "double" : "float";

    private static string Describe(IrType type) => type switch { FloatType => FloatName(type), IntType t => $"int{t.Bits}", _ => "bool" };
}
