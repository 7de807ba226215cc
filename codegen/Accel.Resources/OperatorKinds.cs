using Accel.Codegen.Ir;

namespace Accel.Resources;

/// <summary>The estimator's view of the operators: each is calibrated by scripts/yosys/calibrate.sh under the
/// name in <see cref="TableName"/>. Widths: A and B are the operand widths, Out the result width (for Muxn, B is
/// the number of inputs; for shifts, B is the width of the shift amount).</summary>
public static class OperatorKinds
{
    public static string TableName(this OperatorKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The widest request the estimator makes of each operator: integers are at most 64 bits, a run-time
    /// read of a register array is composed from <see cref="MaxMuxInputs"/>-input slices of 32 bits, shift amounts
    /// are 6 bits, a leading-zero count of a 64-bit value has 7 bits.</summary>
    public static (int A, int B, int Out) Widest(this OperatorKind kind) => kind switch
    {
        OperatorKind.Mul => (64, 64, 64),
        OperatorKind.Lt or OperatorKind.Eq => (64, 64, 1),
        OperatorKind.Muxn => (32, MaxMuxInputs, 32),
        OperatorKind.Shl or OperatorKind.Shr => (64, 6, 64),
        OperatorKind.Clz => (64, 0, 7),
        _ => (64, 64, 64),
    };

    /// <summary>The operators the cost table has rows for: the integer ones. The block RAM read and the float
    /// cores are costed as memories and cores, not from this table.</summary>
    public static bool IsCosted(this OperatorKind kind) => kind is not (OperatorKind.BramRead or OperatorKind.FloatAdd
        or OperatorKind.FloatMul or OperatorKind.FloatDiv or OperatorKind.FloatConvert);

    public const int MaxMuxInputs = 256;
}
