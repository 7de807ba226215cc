namespace Accel.Resources;

/// <summary>The datapath operators the estimator counts, each calibrated by scripts/yosys/calibrate.sh under the
/// name in <see cref="OperatorKinds.TableName"/>. Widths: A and B are the operand widths, Out the result width
/// (for Muxn, B is the number of inputs; for shifts, B is the width of the shift amount).</summary>
public enum OperatorKind { Mul, Add, Sub, Lt, Eq, And, Mux, Muxn, Shl, Shr, Clz, Div, Rem }

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

    public const int MaxMuxInputs = 256;
}
