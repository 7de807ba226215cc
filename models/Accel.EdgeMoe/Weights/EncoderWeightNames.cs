namespace Accel.EdgeMoe.Weights;

/// <summary>Tensor names and shapes of the encoder, in the layout of a PyTorch ViT (out x in linear weights,
/// the patch projection as a convolution kernel dim x channels x patch x patch).</summary>
public static class EncoderWeightNames
{
    public static string Block(int layer, string part) => $"blocks.{layer}.{part}";
    public static string Gate(int layer, int task, string part) => $"blocks.{layer}.moe.gate.{task}.{part}";
    public static string Head(int task, string part) => $"heads.{task}.{part}";

    public static IEnumerable<(string Name, int[] Shape)> All(EncoderConfig c)
    {
        int d = c.Dim;
        yield return ("patch_embed.weight", [d, c.Channels, c.Patch, c.Patch]);
        yield return ("patch_embed.bias", [d]);
        yield return ("cls_token", [1, 1, d]);
        yield return ("pos_embed", [1, c.Tokens, d]);
        for (int l = 0; l < c.Layers; l++)
        {
            foreach (var norm in new[] { "norm1", "norm2" })
            {
                yield return (Block(l, $"{norm}.weight"), [d]);
                yield return (Block(l, $"{norm}.bias"), [d]);
            }
            yield return (Block(l, "attn.qkv.weight"), [3 * d, d]);
            yield return (Block(l, "attn.qkv.bias"), [3 * d]);
            yield return (Block(l, "attn.proj.weight"), [d, d]);
            yield return (Block(l, "attn.proj.bias"), [d]);
            if (!EncoderConfig.IsMoeLayer(l))
            {
                yield return (Block(l, "mlp.fc1.weight"), [c.MlpHidden, d]);
                yield return (Block(l, "mlp.fc1.bias"), [c.MlpHidden]);
                yield return (Block(l, "mlp.fc2.weight"), [d, c.MlpHidden]);
                yield return (Block(l, "mlp.fc2.bias"), [d]);
                continue;
            }
            for (int task = 0; task < c.Tasks; task++)
            {
                yield return (Gate(l, task, "weight"), [c.Experts, d]);
                yield return (Gate(l, task, "bias"), [c.Experts]);
            }
            yield return (Block(l, "moe.experts.fc1.weight"), [c.Experts, c.ExpertHidden, d]);
            yield return (Block(l, "moe.experts.fc1.bias"), [c.Experts, c.ExpertHidden]);
            yield return (Block(l, "moe.experts.fc2.weight"), [c.Experts, d, c.ExpertHidden]);
            yield return (Block(l, "moe.experts.fc2.bias"), [c.Experts, d]);
        }
        yield return ("norm.weight", [d]);
        yield return ("norm.bias", [d]);
        for (int task = 0; task < c.Tasks; task++)
        {
            yield return (Head(task, "weight"), [c.HeadOut, d]);
            yield return (Head(task, "bias"), [c.HeadOut]);
        }
    }
}
