using Accel.EdgeMoe.Weights;
using Accel.Hw;
using static Accel.EdgeMoe.Model.FixedFormat;
using static Accel.EdgeMoe.Weights.EncoderWeightNames;

namespace Accel.EdgeMoe.Model;

/// <summary>The arguments of the composed edgemoe_encoder kernel for a weight set: the per-layer tensors stacked
/// in its port layout (norms stacked per layer; every linear layer in EncoderLayout's order), quantised to W16A32.</summary>
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
        var moe = layers.Where(EncoderConfig.IsMoeLayer).ToList();
        double[] Stack(IEnumerable<int> which, Func<int, double[]> tensor) => which.SelectMany(tensor).ToArray();

        // Every linear layer in EncoderLayout's order (the kernel's one weights bundle and one biases bundle).
        var weights = new List<double>();
        var biases = new List<double>();
        foreach (int l in layers)
        {
            weights.AddRange([.. w.Get(Block(l, "attn.qkv.weight"), 3 * d, d), .. w.Get(Block(l, "attn.proj.weight"), d, d)]);
            biases.AddRange([.. w.Get(Block(l, "attn.qkv.bias"), 3 * d), .. w.Get(Block(l, "attn.proj.bias"), d)]);
            if (!EncoderConfig.IsMoeLayer(l))
            {
                weights.AddRange([.. w.Get(Block(l, "mlp.fc1.weight"), c.MlpHidden, d), .. w.Get(Block(l, "mlp.fc2.weight"), d, c.MlpHidden)]);
                biases.AddRange([.. w.Get(Block(l, "mlp.fc1.bias"), c.MlpHidden), .. w.Get(Block(l, "mlp.fc2.bias"), d)]);
                continue;
            }
            foreach (int t in Enumerable.Range(0, c.Tasks))
            {
                weights.AddRange(w.Get(Gate(l, t, "weight"), e, d));
                biases.AddRange(w.Get(Gate(l, t, "bias"), e));
            }
            weights.AddRange([.. w.Get(Block(l, "moe.experts.fc1.weight"), e, c.ExpertHidden, d), .. w.Get(Block(l, "moe.experts.fc2.weight"), e, d, c.ExpertHidden)]);
            biases.AddRange([.. w.Get(Block(l, "moe.experts.fc1.bias"), e, c.ExpertHidden), .. w.Get(Block(l, "moe.experts.fc2.bias"), e, d)]);
        }

        return new Stimulus(0)
            .Scalar("task", task)
            .Array("x", x)
            .Array("normGamma", ToWeights(Stack(layers, l => [.. w.Get(Block(l, "norm1.weight"), d), .. w.Get(Block(l, "norm2.weight"), d)])))
            .Array("normBeta", ToActivations(Stack(layers, l => [.. w.Get(Block(l, "norm1.bias"), d), .. w.Get(Block(l, "norm2.bias"), d)])))
            .Array("weights", ToWeights([.. weights]))
            .Array("biases", ToActivations([.. biases]))
            .Output<int>("expertTokens", moe.Count * e)
            .Output<int>("attentionCounters", Kernels.EdgeMoe.AttentionUnit.CounterCount);
    }
}
