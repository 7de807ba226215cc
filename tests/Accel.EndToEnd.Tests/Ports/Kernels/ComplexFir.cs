using Accel.Hw;

namespace PortedKernels;

/// <summary>A complex number as HLS code declares one for a complex FIR or an FFT butterfly: a plain struct of
/// two fixed-point parts (Q17.14 here).</summary>
public struct Complex
{
    public int Re;
    public int Im;
}

/// <summary>A complex FIR filter in the style of the vendor's complex-arithmetic examples: the samples are copied
/// from memory into a local array of Complex (the port holds re, im interleaved, as a packed struct would be), a
/// shift register of Complex (completely partitioned) slides over them, each tap a complex multiply-accumulate in a
/// function taking Complex arguments; optionally the result is turned by -j (re, im) -> (im, -re), which
/// reads the struct it writes.</summary>
[Kernel("complex_fir")]
public sealed class ComplexFir([Range(1, 64)] int samples = 64, [Range(1, 8)] int taps = 8, [Range(0, 1)] int rotate = 1)
{
    private const int MaxTaps = 8;

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] input, [MAxi("gmem1", "HBM[1]")] int[] coeffs, [MAxi("gmem2", "HBM[2]")] int[] output)
    {
        Complex[] buf = new Complex[64];
        Complex[] shift = new Complex[MaxTaps];
        Complex[] h = new Complex[MaxTaps];
        Hls.ArrayPartition(shift, PartitionKind.Complete, 0);
        Hls.ArrayPartition(h, PartitionKind.Complete, 0);

        for (int t = 0; t < taps; t++)
            h[t] = new Complex { Re = coeffs[2 * t], Im = coeffs[2 * t + 1] };
        Load(input, buf, samples);

        for (int n = 0; n < samples; n++)
        {
            Hls.Pipeline(1);
            for (int t = MaxTaps - 1; t > 0; t--)
            {
                Hls.Unroll();
                shift[t] = shift[t - 1];
            }
            shift[0] = buf[n];
            Complex acc = default;
            long accRe = 0, accIm = 0;
            for (int t = 0; t < MaxTaps; t++)
            {
                Hls.Unroll();
                if (t < taps)
                {
                    accRe += MulRe(shift[t], h[t]);
                    accIm += MulIm(shift[t], h[t]);
                }
            }
            acc.Re = (int)(accRe >> 14);
            acc.Im = (int)(accIm >> 14);
            if (rotate != 0)
                acc = new Complex { Re = acc.Im, Im = -acc.Re };
            Complex result = acc;
            output[2 * n] = result.Re;
            output[2 * n + 1] = result.Im;
        }
    }

    private static void Load(int[] src, Complex[] dst, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Hls.Pipeline(1);
            Complex c;
            c.Re = src[2 * i];
            c.Im = src[2 * i + 1];
            dst[i] = c;
        }
    }

    private static long MulRe(Complex a, Complex b) => (long)a.Re * b.Re - (long)a.Im * b.Im;

    private static long MulIm(Complex a, Complex b) => (long)a.Re * b.Im + (long)a.Im * b.Re;

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var input = new int[2 * samples];
        for (int i = 0; i < input.Length; i++) input[i] = s.Random.Next(-(1 << 16), 1 << 16);
        var coeffs = new int[2 * taps];
        for (int i = 0; i < coeffs.Length; i++) coeffs[i] = s.Random.Next(-(1 << 14), 1 << 14);
        s.Array("input", input).Array("coeffs", coeffs).Output<int>("output", 2 * samples);
    }
}
