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
            // An ap sum is as wide as its exact result, wider than either operand.
            BinaryOp.Add or BinaryOp.Sub => isFloat ? (Cost(OperatorKind.FloatAdd, type), $"{kind} add") : (Cost(OperatorKind.Add, b.Type is ApType ? b.Type : type), "add"),
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

    /// <summary>Integer width changes are wiring; anything to or from a float is a conversion core; storing an ap
    /// value costs its rounding adder and saturation compare and select, at the target's width.</summary>
    public (double Cycles, string Name) Convert(ConvertExpr c) =>
        c.Type is FloatType || c.Operand.Type is FloatType
            ? (c.Type == c.Operand.Type ? 0 : Cost(OperatorKind.FloatConvert, IrType.Int64), $"{Describe(c.Operand.Type)} to {Describe(c.Type)} conversion")
            : c is { Type: ApType to, Operand.Type: ApType from, Bits: false } ? Quantise(from.Format, to)
            : (0, "cast");

    private (double Cycles, string Name) Quantise(Hw.ApFormat from, ApType to)
    {
        double cycles = to.Quant != Hw.QuantMode.Trn && from.FracBits > to.Format.FracBits ? Cost(OperatorKind.Add, to) : 0;
        if (to.Overflow != Hw.OverflowMode.Wrap) cycles += Cost(OperatorKind.Lt, new ApType(from)) + Cost(OperatorKind.Mux, to);
        return (cycles, cycles == 0 ? "cast" : "quantise");
    }

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
        Table.Cycles(kind, type switch { IntType t => t.Bits, FloatType f => f.Bits, ApType a => Math.Min(a.Width, MaxTableWidth), _ => 1 }, clockMhz);

    /// <summary>The latency table stops at 64 bits; a wider ap intermediate (up to 128 bits) is timed as a 64-bit
    /// one, which underestimates it.</summary>
    private const int MaxTableWidth = 64;

    private static bool IsConstant(IrExpr e) => e is ConstExpr or ParamRefExpr or NamedConstExpr;

    private static string FloatName(IrType type) => type is FloatType { Bits: 64 } ? "double" : "float";

    private static string Describe(IrType type) => type switch { FloatType => FloatName(type), IntType t => $"int{t.Bits}", ApType a => a.Format.ToString(), _ => "bool" };
}
