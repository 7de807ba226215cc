using Accel.Hw;
using Accum = Accel.Hw.Fixed<Accel.Hw.W32, Accel.Hw.W12, Accel.Hw.Trn, Accel.Hw.Wrap>;
using Gain = Accel.Hw.UFixed<Accel.Hw.W12, Accel.Hw.W2, Accel.Hw.Trn, Accel.Hw.Wrap>;
using Input = Accel.Hw.Fixed<Accel.Hw.W12, Accel.Hw.W4, Accel.Hw.Trn, Accel.Hw.Wrap>;
using Result = Accel.Hw.Fixed<Accel.Hw.W20, Accel.Hw.W8, Accel.Hw.Rnd, Accel.Hw.Sat>;
using Scale = Accel.Hw.Fixed<Accel.Hw.W10, Accel.Hw.W2, Accel.Hw.Rnd, Accel.Hw.Sat>;
using Weight = Accel.Hw.Fixed<Accel.Hw.W8, Accel.Hw.W2, Accel.Hw.Trn, Accel.Hw.Wrap>;

namespace PortedKernels;

/// <summary>A linear output layer as an HLS neural-network library declares it, its ports ap_fixed:
/// <c>void ap_dense(const ap_fixed&lt;12,4&gt;* x, const ap_fixed&lt;8,2&gt;* w, const ap_fixed&lt;32,12&gt;* bias,
/// ap_ufixed&lt;12,2&gt; gain, ap_fixed&lt;20,8,AP_RND,AP_SAT&gt;* y)</c>. Each product is exact (ap_fixed&lt;20,6&gt;)
/// and added into the accumulator, the sum scaled by the gain register and by the output's entry of a constant
/// ap_fixed&lt;10,2&gt; table (a normalisation folded into the layer), stored rounded and saturated (no activation,
/// so negative results reach the port sign-extended in their 32-bit words). The weights stream from memory one row
/// per iteration, the inputs are partitioned by the reuse factor.</summary>
[Kernel("ap_dense")]
public sealed class ApDense([Range(1, 256)] int nIn = 16, [Range(1, 256)] int nOut = 8, [Range(1, 64)] int reuse = 4)
{
    /// <summary>1.5, -1.5, 0.75, -0.75, 0.375, ...: quantised from doubles when the kernel is built, printed from
    /// their bits.</summary>
    [LookupTable] readonly Scale[] scale = Scales(nOut);

    private static Scale[] Scales(int count)
    {
        var table = new Scale[count];
        for (int o = 0; o < count; o++) table[o] = (Scale)((o % 2 == 0 ? 1.5 : -1.5) / (1 << (o / 2)));
        return table;
    }

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] Input[] x, [MAxi("gmem1", "HBM[1]")] Weight[] w, [MAxi("gmem2", "HBM[2]")] Accum[] bias,
        Gain gain, [MAxi("gmem3", "HBM[3]")] Result[] y)
    {
        var input = new Input[nIn];
        Hls.ArrayPartition(input, PartitionKind.Cyclic, nIn / reuse);
        for (int i = 0; i < nIn; i++)
        {
            Hls.Pipeline(1);
            input[i] = x[i];
        }
        for (int o = 0; o < nOut; o++)
        {
            Hls.Pipeline(reuse);
            Accum acc = bias[o];
            for (int i = 0; i < nIn; i++)
            {
                Hls.Unroll();
                acc += input[i] * w[o * nIn + i];
            }
            y[o] = acc * gain * scale[o];
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var x = new Input[nIn];
        var w = new Weight[nIn * nOut];
        var bias = new Accum[nOut];
        for (int i = 0; i < x.Length; i++) x[i] = Input.FromRaw(s.Random.Next(-2048, 2048));          // -8 .. 8
        for (int i = 0; i < w.Length; i++) w[i] = Weight.FromRaw(s.Random.Next(-128, 128));          // -2 .. 2
        for (int i = 0; i < bias.Length; i++) bias[i] = Accum.FromRaw(s.Random.Next(-1 << 21, 1 << 21)); // -2 .. 2
        // A typed scalar is given by its raw bits, as its control register holds them: 0 .. 4 here, so some
        // results pass 128 and saturate.
        s.Array("x", x).Array("w", w).Array("bias", bias).Scalar("gain", Gain.FromRaw(s.Random.Next(0, 4096)).Raw).Output<Result>("y", nOut);
    }
}
