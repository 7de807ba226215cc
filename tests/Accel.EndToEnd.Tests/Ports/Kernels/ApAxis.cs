using Accel.Hw;
using Sample = Accel.Hw.Fixed<Accel.Hw.W12, Accel.Hw.W4, Accel.Hw.Trn, Accel.Hw.Wrap>;
using Offset = Accel.Hw.UFixed<Accel.Hw.W12, Accel.Hw.W2, Accel.Hw.Trn, Accel.Hw.Wrap>;

namespace PortedKernels;

/// <summary>A streaming stage between kernels on ap_fixed samples, as an HLS signal chain declares it:
/// <c>void ap_axis(hls::stream&lt;ap_fixed&lt;12,4&gt;&gt;&amp; in, hls::stream&lt;ap_fixed&lt;12,4&gt;&gt;&amp; out,
/// ap_ufixed&lt;12,2&gt; offset)</c>: each sample plus the offset register, wrapped back into 12 bits.</summary>
[Kernel("ap_axis")]
public sealed class ApAxis([Range(1, 4096)] int size = 16)
{
    [Top]
    public void Run([Axis] Stream<Sample> samples, [Axis] Stream<Sample> shifted, Offset offset)
    {
        for (int i = 0; i < size; i++)
        {
            Hls.Pipeline(1);
            shifted.Write(samples.Read() + offset);
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var samples = new Sample[size];
        for (int i = 0; i < size; i++) samples[i] = Sample.FromRaw(s.Random.Next(-2048, 2048));
        // The offset's raw bits: 0 .. 4 in steps of 1/1024, so some sums pass 8 and wrap.
        s.Array("samples", samples).Scalar("offset", s.Random.Next(0, 4096)).Output<Sample>("shifted", size);
    }
}
