namespace Accel.EdgeMoe;

/// <summary>The dimensions of an Edge-MoE / M3ViT encoder: a ViT whose even layers have a dense MLP and odd layers
/// a mixture of experts, with `Tasks` task heads that share the backbone except for the MoE gates.</summary>
public sealed record EncoderConfig(
    int Channels, int Height, int Width, int Patch, int Heads, int HeadDim, int Layers,
    int MlpHidden, int Experts, int TopK, int ExpertHidden, int Tasks, int HeadOut, int Slots = 4, int TileIn = 16, int TileOut = 16, int Lanes = 8)
{
    /// <summary>The configuration Edge-MoE built: 3x128x256 input, 16x16 patches (129 tokens), embedding 192 as 3
    /// heads of 64, 12 layers, MLP 192-768-192, 16 experts top-2 of hidden 384, two tasks.</summary>
    public static EncoderConfig Reference { get; } = new(3, 128, 256, 16, 3, 64, 12, 768, 16, 2, 384, 2, 16);

    /// <summary>A small one for tests: 2 layers, 33 tokens, embedding 64, 4 experts.</summary>
    public static EncoderConfig Small { get; } = new(3, 32, 64, 8, 2, 32, 2, 256, 4, 2, 128, 2, 8);

    public int Dim => Heads * HeadDim;
    public int Patches => Height / Patch * (Width / Patch);
    public int Tokens => Patches + 1;
    public int PatchSize => Channels * Patch * Patch;
    public static bool IsMoeLayer(int layer) => layer % 2 == 1;
}
