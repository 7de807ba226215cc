using Accel.EdgeMoe.Weights;
using static Accel.EdgeMoe.Weights.EncoderWeightNames;

namespace Accel.EdgeMoe.Model;

/// <summary>The float64 reference of the encoder: the same network and weights as the fixed-point kernels, with
/// exact exp, GELU as x Phi(x), square root and softmax (attention, gate) in the textbook order.</summary>
public sealed class FloatEncoder(EncoderConfig c, WeightSet w)
{
    public const double Epsilon = 1.0 / (1 << Kernels.EdgeMoe.LayerNormUnit.EpsilonLog2);

    public EncoderTrace Run(double[] image, int task)
    {
        var stages = new List<EncoderTrace.Stage>();
        int d = c.Dim, n = c.Tokens;
        var x = Embed(image);
        stages.Add(new(EncoderTrace.PatchEmbed, (double[])x.Clone()));
        for (int l = 0; l < c.Layers; l++)
        {
            var normed = Norm(x, w.Get(Block(l, "norm1.weight"), d), w.Get(Block(l, "norm1.bias"), d));
            var qkv = Linear(normed, n, d, 3 * d, w.Get(Block(l, "attn.qkv.weight"), 3 * d, d), w.Get(Block(l, "attn.qkv.bias"), 3 * d));
            var attended = Attention(qkv);
            Add(x, Linear(attended, n, d, d, w.Get(Block(l, "attn.proj.weight"), d, d), w.Get(Block(l, "attn.proj.bias"), d)));
            normed = Norm(x, w.Get(Block(l, "norm2.weight"), d), w.Get(Block(l, "norm2.bias"), d));
            Add(x, EncoderConfig.IsMoeLayer(l) ? Experts(l, task, normed) : Mlp(l, normed));
            stages.Add(new(EncoderTrace.Layer(l), (double[])x.Clone()));
        }
        var final = Norm(x, w.Get("norm.weight", d), w.Get("norm.bias", d));
        stages.Add(new(EncoderTrace.FinalNorm, final));
        stages.Add(new(EncoderTrace.Head, Linear(final, n, d, c.HeadOut, w.Get(Head(task, "weight"), c.HeadOut, d), w.Get(Head(task, "bias"), c.HeadOut))));
        return new EncoderTrace(stages);
    }

    private double[] Embed(double[] image)
    {
        int d = c.Dim, across = c.Width / c.Patch;
        var weight = w.Get("patch_embed.weight", d, c.Channels, c.Patch, c.Patch);
        var bias = w.Get("patch_embed.bias", d);
        var x = (double[])w.Get("pos_embed", 1, c.Tokens, d).Clone();
        var cls = w.Get("cls_token", 1, 1, d);
        for (int o = 0; o < d; o++) x[o] += cls[o];
        for (int p = 0; p < c.Patches; p++)
            for (int o = 0; o < d; o++)
            {
                double sum = bias[o];
                for (int i = 0; i < c.PatchSize; i++)
                {
                    int ch = i / (c.Patch * c.Patch), r = i / c.Patch % c.Patch, col = i % c.Patch;
                    sum += weight[o * c.PatchSize + i] * image[(ch * c.Height + p / across * c.Patch + r) * c.Width + p % across * c.Patch + col];
                }
                x[(1 + p) * d + o] += sum;
            }
        return x;
    }

    private double[] Norm(double[] x, double[] gamma, double[] beta)
    {
        int d = c.Dim;
        var y = new double[x.Length];
        for (int t = 0; t < c.Tokens; t++)
        {
            var row = x.AsSpan(t * d, d);
            double mean = 0, variance = 0;
            foreach (var v in row) mean += v;
            mean /= d;
            foreach (var v in row) variance += (v - mean) * (v - mean);
            double scale = 1 / Math.Sqrt(variance / d + Epsilon);
            for (int i = 0; i < d; i++) y[t * d + i] = (row[i] - mean) * scale * gamma[i] + beta[i];
        }
        return y;
    }

    private static double[] Linear(double[] x, int rows, int inDim, int outDim, double[] weight, double[] bias, int weightBase = 0, int biasBase = 0)
    {
        var y = new double[rows * outDim];
        for (int r = 0; r < rows; r++)
            for (int o = 0; o < outDim; o++)
            {
                double sum = bias[biasBase + o];
                for (int i = 0; i < inDim; i++) sum += weight[weightBase + o * inDim + i] * x[r * inDim + i];
                y[r * outDim + o] = sum;
            }
        return y;
    }

    private double[] Attention(double[] qkv)
    {
        int d = c.Dim, n = c.Tokens, hd = c.HeadDim;
        var o = new double[n * d];
        var p = new double[n];
        for (int h = 0; h < c.Heads; h++)
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double dot = 0;
                    for (int e = 0; e < hd; e++) dot += qkv[i * 3 * d + h * hd + e] * qkv[j * 3 * d + d + h * hd + e];
                    p[j] = dot / Math.Sqrt(hd);
                }
                Softmax(p);
                for (int j = 0; j < n; j++)
                    for (int e = 0; e < hd; e++) o[i * d + h * hd + e] += p[j] * qkv[j * 3 * d + 2 * d + h * hd + e];
            }
        return o;
    }

    private double[] Mlp(int l, double[] x)
    {
        int d = c.Dim, n = c.Tokens, hidden = c.MlpHidden;
        var h = Linear(x, n, d, hidden, w.Get(Block(l, "mlp.fc1.weight"), hidden, d), w.Get(Block(l, "mlp.fc1.bias"), hidden));
        for (int i = 0; i < h.Length; i++) h[i] = Kernels.FixedGelu.Exact(h[i]);
        return Linear(h, n, hidden, d, w.Get(Block(l, "mlp.fc2.weight"), d, hidden), w.Get(Block(l, "mlp.fc2.bias"), d));
    }

    private double[] Experts(int l, int task, double[] x)
    {
        int d = c.Dim, eh = c.ExpertHidden;
        var gate = Linear(x, c.Tokens, d, c.Experts, w.Get(Gate(l, task, "weight"), c.Experts, d), w.Get(Gate(l, task, "bias"), c.Experts));
        var w1 = w.Get(Block(l, "moe.experts.fc1.weight"), c.Experts, eh, d);
        var b1 = w.Get(Block(l, "moe.experts.fc1.bias"), c.Experts, eh);
        var w2 = w.Get(Block(l, "moe.experts.fc2.weight"), c.Experts, d, eh);
        var b2 = w.Get(Block(l, "moe.experts.fc2.bias"), c.Experts, d);
        var y = new double[x.Length];
        for (int t = 0; t < c.Tokens; t++)
        {
            var p = gate.AsSpan(t * c.Experts, c.Experts).ToArray();
            Softmax(p);
            // Top k by probability; a stable sort keeps the earlier expert ahead on a tie, as the gate unit does.
            foreach (int e in Enumerable.Range(0, c.Experts).OrderByDescending(e => p[e]).Take(c.TopK))
            {
                var h = Linear(x.AsSpan(t * d, d).ToArray(), 1, d, eh, w1, b1, e * eh * d, e * eh);
                for (int i = 0; i < eh; i++) h[i] = Kernels.FixedGelu.Exact(h[i]);
                var o = Linear(h, 1, eh, d, w2, b2, e * d * eh, e * d);
                for (int i = 0; i < d; i++) y[t * d + i] += p[e] * o[i];
            }
        }
        return y;
    }

    private static void Softmax(double[] p)
    {
        double max = p.Max(), sum = 0;
        for (int i = 0; i < p.Length; i++) sum += p[i] = Math.Exp(p[i] - max);
        for (int i = 0; i < p.Length; i++) p[i] /= sum;
    }

    private static void Add(double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++) x[i] += y[i];
    }
}
