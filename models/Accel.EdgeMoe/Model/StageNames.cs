namespace Accel.EdgeMoe.Model;

/// <summary>The names of the encoder's kernel calls, as a runner sees them and the timing report prints them.</summary>
public static class StageNames
{
    public const string PatchEmbed = "patch_embed", Norm1 = "norm1", Qkv = "qkv", Attention = "attention", Proj = "proj",
        Norm2 = "norm2", Fc1 = "fc1", Fc2 = "fc2", Moe = "moe", FinalNorm = "norm", Head = "head";
}
