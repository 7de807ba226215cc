namespace Accel.Codegen.Ir;

/// <summary>Vocabulary operations the transpiler knows by name; what each is, in <see cref="Intrinsics.All"/>.</summary>
public enum Intrinsic
{
    RoundShift,
    Saturate,
    SaturateUnsigned,
    MulRound,
    LeadingZeros,
    Abs,
    Min,
    Max,
    StreamRead,
    StreamWrite,
    StreamEmpty,
}

/// <summary>What the layers share about one intrinsic: the C# method a kernel calls (containing type as Roslyn
/// displays its original definition, and name), the C++ spelling (a function, or a member for streams), the name a
/// schedule report gives it, and whether it changes state (stream operations: their order matters). Costs stay with
/// the models that own them, each with a case for every intrinsic: latency in the emulator's OperatorCosts,
/// resources in the estimator's DatapathWalker, value in ConstantFolder, and the circuit in the RTL printer.</summary>
public sealed record IntrinsicInfo(Intrinsic Op, string CSharpType, string CSharpMethod, string Cpp, string Name, bool HasSideEffects = false);

public static class Intrinsics
{
    public static readonly IReadOnlyList<IntrinsicInfo> All =
    [
        new(Intrinsic.RoundShift, "Accel.Hw.Fx", "RoundShift", "accel::round_shift", "rounding shift"),
        new(Intrinsic.Saturate, "Accel.Hw.Fx", "Saturate", "accel::saturate", "saturation"),
        new(Intrinsic.SaturateUnsigned, "Accel.Hw.Fx", "SaturateUnsigned", "accel::saturate_unsigned", "saturation"),
        new(Intrinsic.MulRound, "Accel.Hw.Fx", "MulRound", "accel::mul_round", "rounding multiply"),
        new(Intrinsic.LeadingZeros, "Accel.Hw.Fx", "LeadingZeros", "accel::leading_zeros", "leading zeros"),
        new(Intrinsic.Abs, "System.Math", "Abs", "accel::abs", "abs"),
        new(Intrinsic.Min, "System.Math", "Min", "accel::min", "min"),
        new(Intrinsic.Max, "System.Math", "Max", "accel::max", "max"),
        new(Intrinsic.StreamRead, "Accel.Hw.Stream<T>", "Read", "read", "stream read", HasSideEffects: true),
        new(Intrinsic.StreamWrite, "Accel.Hw.Stream<T>", "Write", "write", "stream write", HasSideEffects: true),
        new(Intrinsic.StreamEmpty, "Accel.Hw.Stream<T>", "Empty", "empty", "stream empty"),
    ];

    private static readonly Dictionary<Intrinsic, IntrinsicInfo> ByOp = All.ToDictionary(i => i.Op);

    public static IntrinsicInfo Info(this Intrinsic intrinsic) =>
        ByOp.TryGetValue(intrinsic, out var info) ? info : throw new InternalCompilerException($"intrinsic {intrinsic} has no entry in Intrinsics.All");

    public static bool HasSideEffects(this Intrinsic intrinsic) => intrinsic.Info().HasSideEffects;
}
