using Accel.EdgeMoe.Weights;
using Accel.Hw;
using static Accel.EdgeMoe.Model.FixedFormat;
using static Accel.EdgeMoe.Weights.EncoderWeightNames;

namespace Accel.EdgeMoe.Model;

/// <summary>The arguments of the composed edgemoe_encoder kernel for a weight set: the per-layer tensors stacked
/// in its port layout (dense and MoE layers counted separately, gates task-major), quantised to W16A32.</summary>
public static class EncoderKernelInputs
{
    /// <summary>The kernel parameters that match the configuration (the rest keep their defaults).</summary>
    public static string[] Parameters(EncoderConfig c) =>
    [
        $"tokens={c.Tokens}", $"heads={c.Heads}", $"headDim={c.HeadDim}", $"layers={c.Layers}", $"mlpHidden={c.MlpHidden}",
        $"experts={c.Experts}", $"topK={c.TopK}", $"expertHidden={c.ExpertHidden}", $"tasks={c.Tasks}", $"slots={c.Slots}", $"lanes={c.Lanes}", $"tileIn={c.TileIn}", $"tileOut={c.TileOut}",
    ];

    public static Stimulus Build(EncoderConfig c, WeightSet w, int[] x, int task)
    {
        int d = c.Dim, e = c.Experts;
        var layers = Enumerable.Range(0, c.Layers).ToList();
        var dense = layers.Where(l => !EncoderConfig.IsMoeLayer(l)).ToList();
        var moe = layers.Where(EncoderConfig.IsMoeLayer).ToList();
        double[] Stack(IEnumerable<int> which, Func<int, double[]> tensor) => which.SelectMany(tensor).ToArray();

        return new Stimulus(0)
            .Scalar("task", task)
            .Array("x", x)
            .Array("normGamma", ToWeights(Stack(layers, l => [.. w.Get(Block(l, "norm1.weight"), d), .. w.Get(Block(l, "norm2.weight"), d)])))
            .Array("normBeta", ToActivations(Stack(layers, l => [.. w.Get(Block(l, "norm1.bias"), d), .. w.Get(Block(l, "norm2.bias"), d)])))
            .Array("qkvW", ToWeights(Stack(layers, l => w.Get(Block(l, "attn.qkv.weight"), 3 * d, d))))
            .Array("qkvB", ToActivations(Stack(layers, l => w.Get(Block(l, "attn.qkv.bias"), 3 * d))))
            .Array("projW", ToWeights(Stack(layers, l => w.Get(Block(l, "attn.proj.weight"), d, d))))
            .Array("projB", ToActivations(Stack(layers, l => w.Get(Block(l, "attn.proj.bias"), d))))
            .Array("mlpW1", ToWeights(Stack(dense, l => w.Get(Block(l, "mlp.fc1.weight"), c.MlpHidden, d))))
            .Array("mlpB1", ToActivations(Stack(dense, l => w.Get(Block(l, "mlp.fc1.bias"), c.MlpHidden))))
            .Array("mlpW2", ToWeights(Stack(dense, l => w.Get(Block(l, "mlp.fc2.weight"), d, c.MlpHidden))))
            .Array("mlpB2", ToActivations(Stack(dense, l => w.Get(Block(l, "mlp.fc2.bias"), d))))
            .Array("gateW", ToWeights(Enumerable.Range(0, c.Tasks).SelectMany(t => Stack(moe, l => w.Get(Gate(l, t, "weight"), e, d))).ToArray()))
            .Array("gateB", ToActivations(Enumerable.Range(0, c.Tasks).SelectMany(t => Stack(moe, l => w.Get(Gate(l, t, "bias"), e))).ToArray()))
            .Array("expertW1", ToWeights(Stack(moe, l => w.Get(Block(l, "moe.experts.fc1.weight"), e, c.ExpertHidden, d))))
            .Array("expertB1", ToActivations(Stack(moe, l => w.Get(Block(l, "moe.experts.fc1.bias"), e, c.ExpertHidden))))
            .Array("expertW2", ToWeights(Stack(moe, l => w.Get(Block(l, "moe.experts.fc2.weight"), e, d, c.ExpertHidden))))
            .Array("expertB2", ToActivations(Stack(moe, l => w.Get(Block(l, "moe.experts.fc2.bias"), e, d))))
            .Output<int>("expertTokens", moe.Count * e)
            .Output<int>("attentionCounters", Kernels.EdgeMoe.AttentionUnit.CounterCount);
    }
}
