using System.Numerics;
using Accel.Codegen.Ir;

namespace Accel.Resources.Estimation;

/// <summary>How many bits a value really needs, so that `(long)x * y` with int operands costs a 32x32 multiplier
/// and not a 64x64 one, as HLS's own bit-width narrowing does. An expression needs what its operands need (a sum
/// one bit more, a product their sum, a static right shift fewer, a static mask its own); a variable needs the
/// most any of its definitions needs; nothing exceeds its C# type.</summary>
internal sealed class ValueWidths(FunctionScope scope, Func<CallExpr, int> callBits)
{
    /// <summary>First finds the locals defined once from static values (they become static too), then fills
    /// <see cref="FunctionScope.VariableBits"/>: every variable starts at 1 bit (parameters at
    /// <paramref name="parameterBits"/>, their arguments' widths) and grows to the widest of its definitions until
    /// nothing changes. Widths only grow and are capped by the types, so this ends; a loop-carried variable
    /// that grows each time (a counter, an accumulator) ends at its type's width.</summary>
    public static void Solve(FunctionScope scope, IReadOnlyDictionary<Variable, int> parameterBits, Func<CallExpr, int> callBits)
    {
        for (bool found = true; found;)
        {
            found = false;
            foreach (var (v, definitions) in scope.Definitions)
                if (definitions.Count == 1 && !scope.Assigned.Contains(v) && !scope.Statics.ContainsKey(v) && StaticValues.IsStatic(definitions[0], scope))
                {
                    scope.Statics[v] = scope.Values.Wrapped(definitions[0]);
                    found = true;
                }
        }
        foreach (var v in scope.Definitions.Keys) scope.VariableBits[v] = 1;
        foreach (var (v, bits) in parameterBits) scope.VariableBits[v] = bits;
        var widths = new ValueWidths(scope, callBits);
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var (v, definitions) in scope.Definitions)
            {
                int bits = Math.Max(scope.VariableBits[v], definitions.Max(widths.Of));
                bits = Math.Min(bits, TypeBits(v.Type));
                if (bits != scope.VariableBits[v]) { scope.VariableBits[v] = bits; changed = true; }
            }
        }
    }

    public static int TypeBits(IrType type) => type switch
    {
        IntType i => i.Bits,
        BoolType => 1,
        FloatType f => f.Bits,
        ApType a => a.Width,
        _ => 64,
    };

    /// <summary>Two's complement bits of a constant, sign bit included (0 and -1 need 1).</summary>
    /// <summary>The bits a loop counter needs over its range (what each unrolled copy's constant needs at most).</summary>
    public static int CounterBits(long start, long step, long trips) =>
        trips == 0 ? 1 : Math.Max(SignedBits(start), SignedBits(start + (trips - 1) * step));

    public static int SignedBits(long value) => 65 - BitOperations.LeadingZeroCount((ulong)(value >= 0 ? value : ~value));

    public static int SignedBits(LookupTable table) =>
        table.Values.Length == 0 ? 1 : Math.Max(SignedBits(table.Values.Min()), SignedBits(table.Values.Max()));

    public int Of(IrExpr e) => Math.Max(1, Math.Min(TypeBits(e.Type), Natural(e)));

    private int Natural(IrExpr e)
    {
        // An ap value is as wide as its type: its shape is already the exact one (ap_fixed_base's RType).
        if (e.Type is ApType a) return a.Width;
        if (scope.Values.Wrapped(e) is long v) return SignedBits(v);
        return e switch
        {
            VarRefExpr r when scope.StaticBits.TryGetValue(r.Variable, out int bits) => bits,
            VarRefExpr r when scope.VariableBits.TryGetValue(r.Variable, out int bits) => bits,
            ConvertExpr c => Of(c.Operand) + (c.Operand.Type is IntType { Signed: false } && c.Type is IntType { Signed: true } ? 1 : 0),
            BinaryExpr { Op: BinaryOp.Add or BinaryOp.Sub } b => Math.Max(Of(b.Left), Of(b.Right)) + 1,
            BinaryExpr { Op: BinaryOp.Mul } b => Of(b.Left) + Of(b.Right),
            BinaryExpr { Op: BinaryOp.And } b => Mask(b.Left) ?? Mask(b.Right) ?? Math.Max(Of(b.Left), Of(b.Right)),
            BinaryExpr { Op: BinaryOp.Or or BinaryOp.Xor } b => Math.Max(Of(b.Left), Of(b.Right)),
            BinaryExpr { Op: BinaryOp.Shr or BinaryOp.UShr } b when scope.Values.Wrapped(b.Right) is long k => Of(b.Left) - (int)Math.Min(k, 63),
            BinaryExpr { Op: BinaryOp.Shl } b when scope.Values.Wrapped(b.Right) is long k => Of(b.Left) + (int)Math.Min(k, 63),
            BinaryExpr { Op: BinaryOp.Div } b => Of(b.Left) + 1,
            BinaryExpr { Op: BinaryOp.Rem } b => Math.Min(Of(b.Left), Of(b.Right)),
            BinaryExpr b when b.Type is BoolType => 1,
            UnaryExpr { Op: UnaryOp.Neg } u => Of(u.Operand) + 1,
            UnaryExpr u => Of(u.Operand),
            ConditionalExpr c => Math.Max(Of(c.WhenTrue), Of(c.WhenFalse)),
            IndexExpr { Array: TableRefExpr t } => SignedBits(t.Table),
            IndexExpr { Array: VarRefExpr r } when scope.Tables.TryGetValue(r.Variable, out var table) => SignedBits(table),
            IntrinsicExpr { Intrinsic: Intrinsic.RoundShift } i when scope.Values.Wrapped(i.Arguments[1]) is long k => Of(i.Arguments[0]) - (int)Math.Clamp(k, 0, 63) + 1,
            IntrinsicExpr { Intrinsic: Intrinsic.RoundShift } i => Of(i.Arguments[0]) + 1,
            CallExpr c => callBits(c),
            IntrinsicExpr { Intrinsic: Intrinsic.LeadingZeros } => 7,
            IntrinsicExpr { Intrinsic: Intrinsic.Abs } i => Of(i.Arguments[0]) + 1,
            IntrinsicExpr { Intrinsic: Intrinsic.Min or Intrinsic.Max } i => Math.Max(Of(i.Arguments[0]), Of(i.Arguments[1])),
            _ => TypeBits(e.Type),
        };
    }

    /// <summary>x &amp; mask with a non-negative static mask keeps the mask's bits.</summary>
    private int? Mask(IrExpr e) => scope.Values.Wrapped(e) is long m && m >= 0 ? SignedBits(m) : null;
}
