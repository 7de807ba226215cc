using Accel.EdgeMoe.Weights;
using Accel.Kernels.EdgeMoe;
using static Accel.EdgeMoe.Model.FixedFormat;
using static Accel.EdgeMoe.Weights.EncoderWeightNames;

namespace Accel.EdgeMoe.Model;

/// <summary>The fixed-point encoder composed in C# from the Edge-MoE kernels, layer by layer: each call is the
/// kernel's own top function (the bit-exact reference of its generated HLS), on weights quantised to W16A32,
/// executed by a runner (directly, or on the emulator to time it) so the layer sequence is written once.</summary>
public sealed class FixedEncoder
{
    private readonly EncoderConfig c;
    private readonly WeightSet w;
    private readonly IStageRunner runner;
    private readonly KernelInstance patchEmbed, norm, qkv, proj, fc1, fc2, head, attention, moe;
    private readonly int[] noScores;

    /// <param name="runner">executes each kernel call; the default calls the kernels' C# directly</param>
    public FixedEncoder(EncoderConfig config, WeightSet weights, IStageRunner? runner = null)
    {
        c = config;
        w = weights;
        this.runner = runner ?? DirectRunner.Instance;
        int n = c.Tokens, d = c.Dim;
        patchEmbed = KernelInstance.Create<PatchEmbed>(("channels", c.Channels), ("height", c.Height), ("width", c.Width), ("patch", c.Patch), ("dim", d), ("tileIn", c.TileIn), ("tileOut", c.TileOut));
        norm = KernelInstance.Create<LayerNorm>(("tokens", n), ("dim", d));
        qkv = KernelInstance.Create<Linear>(("tokens", n), ("inDim", d), ("outDim", 3 * d), ("tileIn", c.TileIn), ("tileOut", c.TileOut));
        attention = KernelInstance.Create<Attention>(("tokens", n), ("heads", c.Heads), ("headDim", c.HeadDim), ("P", c.Slots), ("lanes", c.Lanes));
        proj = KernelInstance.Create<Linear>(("tokens", n), ("inDim", d), ("outDim", d), ("accumulate", true), ("tileIn", c.TileIn), ("tileOut", c.TileOut));
        fc1 = KernelInstance.Create<Linear>(("tokens", n), ("inDim", d), ("outDim", c.MlpHidden), ("gelu", true), ("tileIn", c.TileIn), ("tileOut", c.TileOut));
        fc2 = KernelInstance.Create<Linear>(("tokens", n), ("inDim", c.MlpHidden), ("outDim", d), ("accumulate", true), ("tileIn", c.TileIn), ("tileOut", c.TileOut));
        moe = KernelInstance.Create<Moe>(("tokens", n), ("dim", d), ("experts", c.Experts), ("topK", c.TopK), ("hidden", c.ExpertHidden), ("tileIn", c.TileIn), ("tileOut", c.TileOut));
        head = KernelInstance.Create<Linear>(("tokens", n), ("inDim", d), ("outDim", c.HeadOut), ("tileIn", c.TileIn), ("tileOut", c.TileOut));
        noScores = new int[n];   // the linear unit's score port, unused without score weighting
    }

    public EncoderTrace Run(double[] image, int task)
    {
        var stages = new List<EncoderTrace.Stage>();
        var x = Embed(image);
        stages.Add(new(EncoderTrace.PatchEmbed, ToReal(x)));
        for (int l = 0; l < c.Layers; l++)
        {
            Layer(l, task, x);
            stages.Add(new(EncoderTrace.Layer(l), ToReal(x)));
        }
        int d = c.Dim;
        var final = Norm(StageNames.FinalNorm, null, x, "norm.weight", "norm.bias");
        stages.Add(new(EncoderTrace.FinalNorm, ToReal(final)));
        var output = new int[c.Tokens * c.HeadOut];
        Call(StageNames.Head, null, head, final, ToWeights(w.Get(Head(task, "weight"), c.HeadOut, d)), ToActivations(w.Get(Head(task, "bias"), c.HeadOut)), noScores, output);
        stages.Add(new(EncoderTrace.Head, ToReal(output)));
        return new EncoderTrace(stages);
    }

    public int[] Embed(double[] image)
    {
        int d = c.Dim;
        var x = new int[c.Tokens * d];
        Call(StageNames.PatchEmbed, null, patchEmbed, ToActivations(image), ToWeights(w.Get("patch_embed.weight", d, c.Channels, c.Patch, c.Patch)),
            ToActivations(w.Get("patch_embed.bias", d)), ToActivations(w.Get("cls_token", 1, 1, d)), ToActivations(w.Get("pos_embed", 1, c.Tokens, d)), x);
        return x;
    }

    /// <summary>One pre-norm layer, in place on the residual stream x.</summary>
    public void Layer(int l, int task, int[] x)
    {
        int n = c.Tokens, d = c.Dim;
        var normed = Norm(StageNames.Norm1, l, x, Block(l, "norm1.weight"), Block(l, "norm1.bias"));
        var packed = new int[n * 3 * d];
        Call(StageNames.Qkv, l, qkv, normed, ToWeights(w.Get(Block(l, "attn.qkv.weight"), 3 * d, d)), ToActivations(w.Get(Block(l, "attn.qkv.bias"), 3 * d)), noScores, packed);
        var attended = new int[n * d];
        Call(StageNames.Attention, l, attention, Part(packed, 0), Part(packed, 1), Part(packed, 2), attended, new int[AttentionUnit.CounterCount]);
        Call(StageNames.Proj, l, proj, attended, ToWeights(w.Get(Block(l, "attn.proj.weight"), d, d)), ToActivations(w.Get(Block(l, "attn.proj.bias"), d)), noScores, x);
        normed = Norm(StageNames.Norm2, l, x, Block(l, "norm2.weight"), Block(l, "norm2.bias"));
        if (EncoderConfig.IsMoeLayer(l))
        {
            int e = c.Experts, eh = c.ExpertHidden;
            Call(StageNames.Moe, l, moe, normed, ToWeights(w.Get(Gate(l, task, "weight"), e, d)), ToActivations(w.Get(Gate(l, task, "bias"), e)),
                ToWeights(w.Get(Block(l, "moe.experts.fc1.weight"), e, eh, d)), ToActivations(w.Get(Block(l, "moe.experts.fc1.bias"), e, eh)),
                ToWeights(w.Get(Block(l, "moe.experts.fc2.weight"), e, d, eh)), ToActivations(w.Get(Block(l, "moe.experts.fc2.bias"), e, d)),
                x, new int[e]);
            return;
        }
        var hidden = new int[n * c.MlpHidden];
        Call(StageNames.Fc1, l, fc1, normed, ToWeights(w.Get(Block(l, "mlp.fc1.weight"), c.MlpHidden, d)), ToActivations(w.Get(Block(l, "mlp.fc1.bias"), c.MlpHidden)), noScores, hidden);
        Call(StageNames.Fc2, l, fc2, hidden, ToWeights(w.Get(Block(l, "mlp.fc2.weight"), d, c.MlpHidden)), ToActivations(w.Get(Block(l, "mlp.fc2.bias"), d)), noScores, x);
    }

    private int[] Norm(string stage, int? layer, int[] x, string gamma, string beta)
    {
        var y = new int[x.Length];
        Call(stage, layer, norm, x, ToWeights(w.Get(gamma, c.Dim)), ToActivations(w.Get(beta, c.Dim)), y);
        return y;
    }

    private void Call(string stage, int? layer, KernelInstance kernel, params object[] arguments) =>
        runner.Run(new StageCall(stage, layer, kernel, arguments));

    /// <summary>Q (0), K (1) or V (2) of every token, out of the qkv rows.</summary>
    private int[] Part(int[] packed, int which)
    {
        int d = c.Dim;
        var part = new int[c.Tokens * d];
        for (int t = 0; t < c.Tokens; t++) Array.Copy(packed, t * 3 * d + which * d, part, t * d, d);
        return part;
    }
}
