namespace Accel.EdgeMoe.Model;

/// <summary>What one forward pass produced, stage by stage (patch embedding, each layer's residual stream, the
/// final norm, the task head), as real numbers, so a fixed-point and a float run can be compared per stage.</summary>
public sealed record EncoderTrace(IReadOnlyList<EncoderTrace.Stage> Stages)
{
    public sealed record Stage(string Name, double[] Values);

    public const string PatchEmbed = "patch_embed", FinalNorm = "norm", Head = "head";
    public static string Layer(int l) => $"layer {l}";

    public double[] this[string name] => Stages.First(s => s.Name == name).Values;
    public double[] Output => Stages[^1].Values;
}
