using Accel.Hw;

namespace Cases;

// Every top-level interface other than m_axi: an axis input and output, an ap_memory array, ap_vld and ap_none scalars.
[Kernel("case_kernel")]
public sealed class Case(int n = 8)
{
    [Top]
    public void Run([Axis] Stream<short> samples, [Axis] Stream<int> sums, [ApMemory] int[] weights, [ApVld] int bias, [ApNone] bool negate)
    {
        for (int i = 0; i < n; i++)
        {
            Hls.Pipeline(1);
            int v = samples.Read() * weights[i] + bias;
            sums.Write(negate ? -v : v);
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var samples = new short[n];
        var weights = new int[n];
        for (int i = 0; i < n; i++)
        {
            samples[i] = (short)s.Random.Next(-1000, 1000);
            weights[i] = s.Random.Next(-1000, 1000);
        }
        s.Scalar("bias", 5).Scalar("negate", 1).Array("samples", samples).Array("weights", weights).Output<int>("sums", n);
    }
}
