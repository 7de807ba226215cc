namespace Accel.Codegen.Ir;

/// <summary>Vocabulary operations the transpiler knows by name. The C# method each comes from is in
/// Frontend/IntrinsicTable.cs, its C++ spelling in Backends/Hls/CppSpellings.cs.</summary>
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

public static class Intrinsics
{
    /// <summary>Stream operations change state, so their order matters.</summary>
    public static bool HasSideEffects(this Intrinsic intrinsic) => intrinsic is Intrinsic.StreamRead or Intrinsic.StreamWrite;
}
