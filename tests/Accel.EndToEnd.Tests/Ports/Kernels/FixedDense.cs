using Accel.Hw;
using Accum = Accel.Hw.Fixed<Accel.Hw.W32, Accel.Hw.W12, Accel.Hw.Trn, Accel.Hw.Wrap>;
using Input = Accel.Hw.Fixed<Accel.Hw.W16, Accel.Hw.W6, Accel.Hw.Trn, Accel.Hw.Wrap>;
using Result = Accel.Hw.Fixed<Accel.Hw.W16, Accel.Hw.W6, Accel.Hw.Rnd, Accel.Hw.Sat>;
using Weight = Accel.Hw.Fixed<Accel.Hw.W8, Accel.Hw.W2, Accel.Hw.Trn, Accel.Hw.Wrap>;

namespace PortedKernels;

/// <summary>The activation of an HLS neural-network library, on its fixed-point types.</summary>
[KernelLibrary]
public static class FixedActivation
{
    /// <summary>ReLU: the value when positive, else zero, stored as the layer's result type (rounded, saturated).</summary>
    public static Result Relu(Accum x)
    {
        Result y = default;
        if (x > 0) y = (FixedValue)x;
        return y;
    }
}

/// <summary>A dense layer with ReLU as an HLS neural-network library writes it on ap_fixed: inputs
/// ap_fixed&lt;16,6&gt;, weights ap_fixed&lt;8,2&gt;, the bias and the accumulator ap_fixed&lt;32,12&gt;, each product
/// exact (ap_fixed&lt;24,8&gt;) and added into the accumulator, the result ap_fixed&lt;16,6,AP_RND,AP_SAT&gt; after ReLU.
/// One output per pipelined iteration with the input loop unrolled, the inputs partitioned to feed it by a reuse
/// factor. Its ports carry the raw bits as integers (FromRaw, Raw); ap_dense declares ap_fixed ports instead.</summary>
[Kernel("fixed_dense")]
public sealed class FixedDense([Range(1, 256)] int nIn = 16, [Range(1, 256)] int nOut = 8, [Range(1, 64)] int reuse = 4)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] short[] x, [MAxi("gmem1", "HBM[1]")] sbyte[] w, [MAxi("gmem2", "HBM[2]")] int[] bias, [MAxi("gmem3", "HBM[3]")] short[] y)
    {
        var input = new Input[nIn];
        Hls.ArrayPartition(input, PartitionKind.Cyclic, nIn / reuse);
        for (int i = 0; i < nIn; i++)
        {
            Hls.Pipeline(1);
            input[i] = Input.FromRaw(x[i]);
        }
        for (int o = 0; o < nOut; o++)
        {
            Hls.Pipeline(reuse);
            Accum acc = Accum.FromRaw(bias[o]);
            for (int i = 0; i < nIn; i++)
            {
                Hls.Unroll();
                acc += input[i] * Weight.FromRaw(w[o * nIn + i]);
            }
            y[o] = (short)FixedActivation.Relu(acc).Raw;
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var x = new short[nIn];
        var w = new sbyte[nIn * nOut];
        var bias = new int[nOut];
        for (int i = 0; i < x.Length; i++) x[i] = (short)s.Random.Next(-8192, 8192);     // -8 .. 8 in Q6.10
        for (int i = 0; i < w.Length; i++) w[i] = (sbyte)s.Random.Next(-128, 128);       // -2 .. 2 in Q2.6
        for (int i = 0; i < bias.Length; i++) bias[i] = s.Random.Next(-1 << 21, 1 << 21); // -2 .. 2 in Q12.20
        s.Array("x", x).Array("w", w).Array("bias", bias).Output<short>("y", nOut);
    }
}
