using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;

namespace Accel.Codegen.Frontend;

/// <summary>Stream reads inside larger expressions (`sum.Write(a.Read() + b.Read())`): C# evaluates them left
/// to right, C++ leaves the order of operands open, so each read becomes a local declared just before its
/// statement, in C# order. Only where the read is evaluated exactly once, unconditionally: not in a loop's
/// header, a ?: branch or the right side of && and || (those stay ACCEL0026).</summary>
internal sealed partial class FunctionLowering
{
    private List<IrStmt>? hoisted;
    private int hoistedCount;

    /// <summary>Lowers one statement with its hoisted reads in front of it.</summary>
    private IrStmt? WithHoisting(IOperation op, Func<IrStmt?> lower)
    {
        var outer = hoisted;
        hoisted = new List<IrStmt>();
        try
        {
            var statement = lower();
            if (hoisted.Count == 0 || statement is null) return statement;
            return new BlockStmt(Line(op), [.. hoisted, statement]) { IsScope = false };
        }
        finally
        {
            hoisted = outer;
        }
    }

    /// <summary>Lowers a part of an expression that may not run (or may run many times) with hoisting off.</summary>
    private T WithoutHoisting<T>(Func<T> lower)
    {
        var outer = hoisted;
        hoisted = null;
        try { return lower(); }
        finally { hoisted = outer; }
    }

    /// <summary>A stream read that is not a statement's whole value: a local in front of the statement when
    /// hoisting is on here; otherwise the read itself (reported by the whole-kernel check).</summary>
    private IrExpr HoistRead(IntrinsicExpr read, IOperation op)
    {
        if (hoisted is null) return read;
        var temp = new Variable($"read_{hoistedCount++}", read.Type, VariableKind.Local);
        hoisted.Add(new LocalDeclStmt(Line(op), temp, read));
        return new VarRefExpr(temp);
    }
}
