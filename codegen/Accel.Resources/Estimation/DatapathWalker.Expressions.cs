using Accel.Codegen.Ir;

namespace Accel.Resources.Estimation;

/// <summary>Expressions to operators. A static subexpression is folded (free); shifts by a static amount,
/// multiplications by a static power of two and bitwise operations with a static operand are wiring (free);
/// conversions are wiring. Widths come from <see cref="ValueWidths"/>.</summary>
internal sealed partial class DatapathWalker
{
    public override bool VisitBinary(BinaryExpr e)
    {
        if (IsStatic(e) || IsRepeat(e)) return true;
        if (e.Left.Type is FloatType || e.Type is FloatType)
        {
            ledger.Note($"{scope.Name}: floating-point arithmetic is not estimated (no calibrated operator)");
            return base.VisitBinary(e);
        }
        long? left = scope.Values.Wrapped(e.Left), right = scope.Values.Wrapped(e.Right);
        int w = widths.Of(e), wl = widths.Of(e.Left), wr = widths.Of(e.Right), typeBits = ValueWidths.TypeBits(e.Left.Type);
        switch (e.Op)
        {
            case BinaryOp.Add or BinaryOp.Sub when left != 0 && right != 0:
                Count(e.Op == BinaryOp.Add ? OperatorKind.Add : OperatorKind.Sub, w, w, w);
                break;
            case BinaryOp.Mul when !IsPowerOfTwo(left) && !IsPowerOfTwo(right):
                Count(OperatorKind.Mul, wl, wr, w);
                break;
            case BinaryOp.Div or BinaryOp.Rem when IsPowerOfTwo(right):
                Count(OperatorKind.Add, wl, wl, wl); // the rounding toward zero of a signed shift
                break;
            case BinaryOp.Div or BinaryOp.Rem:
                Count(e.Op == BinaryOp.Div ? OperatorKind.Div : OperatorKind.Rem, Math.Max(wl, wr), Math.Max(wl, wr), Math.Max(wl, wr));
                break;
            case BinaryOp.Shl when right is null:
                Count(OperatorKind.Shl, typeBits, AmountBits(typeBits), typeBits);
                break;
            case BinaryOp.Shr or BinaryOp.UShr when right is null:
                Count(OperatorKind.Shr, wl, AmountBits(wl), wl);
                break;
            case BinaryOp.And or BinaryOp.Or or BinaryOp.Xor when left is null && right is null:
            case BinaryOp.LogicalAnd or BinaryOp.LogicalOr:
                Count(OperatorKind.And, w, w, w);
                break;
            case BinaryOp.Eq or BinaryOp.Ne:
                Count(OperatorKind.Eq, Math.Max(wl, wr), Math.Max(wl, wr), 1);
                break;
            case BinaryOp.Lt or BinaryOp.Le or BinaryOp.Gt or BinaryOp.Ge:
                Count(OperatorKind.Lt, Math.Max(wl, wr), Math.Max(wl, wr), 1);
                break;
        }
        return base.VisitBinary(e);
    }

    public override bool VisitUnary(UnaryExpr e)
    {
        if (IsStatic(e) || IsRepeat(e)) return true;
        if (e.Op == UnaryOp.Neg && e.Type is IntType or ApType) Count(OperatorKind.Sub, widths.Of(e), widths.Of(e), widths.Of(e));
        return base.VisitUnary(e);
    }

    public override bool VisitConvert(ConvertExpr e)
    {
        if (IsStatic(e)) return true;
        if (e.Type is FloatType != e.Operand.Type is FloatType)
            ledger.Note($"{scope.Name}: conversions between integers and floating point are not estimated");
        if (e is { Type: ApType to, Operand.Type: ApType from } && !e.Bits) CountQuantisation(from.Format, to);
        return base.VisitConvert(e);
    }

    /// <summary>Storing an ap value: dropping fraction bits is wiring under AP_TRN and a rounding adder of the
    /// target's width otherwise; integer bits that may not fit are wiring under AP_WRAP and, under the saturating
    /// modes, a comparison of the source against each bound and a multiplexer of the target's width.</summary>
    private void CountQuantisation(Hw.ApFormat from, ApType to)
    {
        if (to.Quant != Hw.QuantMode.Trn && from.FracBits > to.Format.FracBits) Count(OperatorKind.Add, to.Width, to.Width, to.Width);
        bool mayOverflow = from.IntBits - (from.Signed ? 1 : 0) > to.Format.IntBits - (to.Format.Signed ? 1 : 0) || from.Signed && !to.Format.Signed;
        if (to.Overflow != Hw.OverflowMode.Wrap && mayOverflow)
        {
            Count(OperatorKind.Lt, from.Width, from.Width, 1, 2);
            Count(OperatorKind.Mux, to.Width, to.Width, to.Width);
        }
    }

    public override bool VisitConditional(ConditionalExpr e)
    {
        if (IsStatic(e) || IsRepeat(e)) return true;
        if (!IsStatic(e.Condition)) Count(OperatorKind.Mux, widths.Of(e), widths.Of(e), widths.Of(e));
        return base.VisitConditional(e);
    }

    public override bool VisitIndex(IndexExpr e)
    {
        if (IsStatic(e)) return true;
        bool staticIndex = IsStatic(e.Index);
        if (!staticIndex) Walk(e.Index);
        if (TableOf(e.Array) is { } table) ledger.TableRead(table, copies);
        else if (!staticIndex && e.Array is VarRefExpr { Variable: var array } && RegisterArrayLength(array) is long n)
            CountRegisterRead(n, widths.Of(e));
        return true;
    }

    private LookupTable? TableOf(IrExpr array) => array switch
    {
        TableRefExpr t => t.Table,
        VarRefExpr v when scope.Tables.TryGetValue(v.Variable, out var table) => table,
        _ => null,
    };

    /// <summary>An expression of values that do not change while it is live (constants, variables assigned once
    /// or only by a loop's step, table contents) that was already counted here at the same number of copies:
    /// HLS computes it once.</summary>
    private bool IsRepeat(IrExpr e) => IsStable(e) && !scope.Computed.Add((e, copies));

    private bool IsStable(IrExpr e) => e switch
    {
        ConstExpr or ParamRefExpr or NamedConstExpr => true,
        VarRefExpr v => !scope.Assigned.Contains(v.Variable) || scope.StepOnly.Contains(v.Variable) || scope.Statics.ContainsKey(v.Variable),
        UnaryExpr u => IsStable(u.Operand),
        BinaryExpr b => IsStable(b.Left) && IsStable(b.Right),
        ConvertExpr c => IsStable(c.Operand),
        ConditionalExpr c => IsStable(c.Condition) && IsStable(c.WhenTrue) && IsStable(c.WhenFalse),
        IndexExpr i => TableOf(i.Array) is not null && IsStable(i.Index),
        IntrinsicExpr i => !i.Intrinsic.HasSideEffects() && i.Intrinsic != Intrinsic.StreamEmpty && i.Arguments.All(IsStable),
        _ => false,
    };

    public override bool VisitIntrinsic(IntrinsicExpr e)
    {
        if (IsStatic(e) || IsRepeat(e)) return true;
        var args = e.Arguments;
        switch (e.Intrinsic)
        {
            case Intrinsic.RoundShift:
                CountRoundShift(widths.Of(args[0]), args[1]);
                break;
            case Intrinsic.MulRound:
                int product = Math.Min(64, widths.Of(args[0]) + widths.Of(args[1]));
                Count(OperatorKind.Mul, widths.Of(args[0]), widths.Of(args[1]), product);
                CountRoundShift(product, args[2]);
                break;
            case Intrinsic.Saturate or Intrinsic.SaturateUnsigned:
                int w = widths.Of(args[0]);
                Count(OperatorKind.Lt, w, w, 1, 2);
                Count(OperatorKind.Mux, w, w, w, 2);
                if (!IsStatic(args[1])) Count(OperatorKind.Shl, 64, 6, 64); // the bounds 2^(bits-1)
                break;
            case Intrinsic.LeadingZeros:
                Count(OperatorKind.Clz, 64, 0, 7);
                break;
            case Intrinsic.Abs:
                Count(OperatorKind.Sub, widths.Of(e), widths.Of(e), widths.Of(e));
                Count(OperatorKind.Mux, widths.Of(e), widths.Of(e), widths.Of(e));
                break;
            case Intrinsic.Min or Intrinsic.Max:
                Count(OperatorKind.Lt, widths.Of(e), widths.Of(e), 1);
                Count(OperatorKind.Mux, widths.Of(e), widths.Of(e), widths.Of(e));
                break;
            case Intrinsic.StreamRead or Intrinsic.StreamWrite or Intrinsic.StreamEmpty:
                break; // the FIFO's interface, costed with the stream
            default:
                throw new Codegen.InternalCompilerException($"the estimator has no cost for intrinsic {e.Intrinsic}");
        }
        return base.VisitIntrinsic(e);
    }

    /// <summary>(x + 2^(n-1)) >> n: an adder when n is static, plus a barrel shift (and the rounding constant's
    /// decoder, counted as a second shifter) when it is not.</summary>
    private void CountRoundShift(int width, IrExpr amount)
    {
        long? n = scope.Values.Wrapped(amount);
        if (n is <= 0) return;
        int w = Math.Min(64, width + 1);
        Count(OperatorKind.Add, w, w, w);
        if (n is null)
        {
            Count(OperatorKind.Shr, w, AmountBits(w), w);
            Count(OperatorKind.Shl, w, AmountBits(w), w);
        }
    }

    /// <summary>A run-time read of n registers is an n:1 multiplexer, calibrated as 32-bit slices of up to
    /// <see cref="OperatorKinds.MaxMuxInputs"/> inputs; a wider array adds a second level.</summary>
    private void CountRegisterRead(long n, int width)
    {
        long slices = MemoryCosts.Ceil(width, 32);
        long groups = MemoryCosts.Ceil(n, OperatorKinds.MaxMuxInputs);
        if (groups == 1)
        {
            Count(OperatorKind.Muxn, 32, (int)Math.Max(2, n), 32, slices);
            return;
        }
        Count(OperatorKind.Muxn, 32, OperatorKinds.MaxMuxInputs, 32, slices * groups);
        Count(OperatorKind.Muxn, 32, (int)Math.Min(groups, OperatorKinds.MaxMuxInputs), 32, slices);
    }

    private static bool IsPowerOfTwo(long? v) => v is long x && x > 0 && (x & (x - 1)) == 0;

    /// <summary>A barrel shifter of w bits has log2(w) stages; a larger amount only fills with the sign.</summary>
    private static int AmountBits(int width) => Math.Max(1, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(width - 1)));
}
