using Accel.Hw;

namespace PortedKernels;

/// <summary>The requantisation a quantised network library shares between its layers.</summary>
[KernelLibrary]
public static class Quant
{
    /// <summary>acc * 2^-shift rounded to nearest, saturated to int8.</summary>
    public static sbyte Requantize(int acc, int shift) => (sbyte)Fx.Saturate(Fx.RoundShift(acc, shift), 8);

    /// <summary>The activation chosen at compile time, as the library's config does (0 none, 1 ReLU, 2 ReLU6 in Q.shift).</summary>
    public static int Activate(int x, int kind, int six)
    {
        int y;
        switch (kind)
        {
            case 1:
                y = Math.Max(x, 0);
                break;
            case 2:
                y = Math.Min(Math.Max(x, 0), six);
                break;
            default:
                y = x;
                break;
        }
        return y;
    }
}

/// <summary>A quantised dense layer with ReLU from an HLS neural-network library: int8 inputs and weights,
/// int32 accumulation, one output per pipelined iteration with the input loop unrolled by a reuse factor,
/// the weights and inputs partitioned to feed it, bias, requantisation and activation.</summary>
[Kernel("quant_dense")]
public sealed class QuantDense([Range(1, 256)] int nIn = 32, [Range(1, 256)] int nOut = 16, [Range(1, 32)] int reuse = 4,
    [Range(0, 2)] int activation = 1, [Range(0, 16)] int shift = 7)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] sbyte[] x, [MAxi("gmem1", "HBM[1]")] sbyte[] w, [MAxi("gmem2", "HBM[2]")] int[] bias, [MAxi("gmem3", "HBM[3]")] sbyte[] y)
    {
        var xLocal = new sbyte[nIn];
        Hls.ArrayPartition(xLocal, PartitionKind.Cyclic, nIn / reuse);
        for (int i = 0; i < nIn; i++)
        {
            Hls.Pipeline(1);
            xLocal[i] = x[i];
        }
        for (int o = 0; o < nOut; o++)
        {
            Hls.Pipeline(reuse);
            int acc = bias[o];
            for (int i = 0; i < nIn; i++)
            {
                Hls.Unroll();
                acc += xLocal[i] * w[o * nIn + i];
            }
            y[o] = (sbyte)Quant.Activate(Quant.Requantize(acc, shift), activation, 6 << 4);
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var x = new sbyte[nIn];
        var w = new sbyte[nIn * nOut];
        var bias = new int[nOut];
        for (int i = 0; i < x.Length; i++) x[i] = (sbyte)s.Random.Next(-128, 128);
        for (int i = 0; i < w.Length; i++) w[i] = (sbyte)s.Random.Next(-128, 128);
        for (int i = 0; i < bias.Length; i++) bias[i] = s.Random.Next(-4096, 4096);
        s.Array("x", x).Array("w", w).Array("bias", bias).Output<sbyte>("y", nOut);
    }
}
