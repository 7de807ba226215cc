using Accel.Hw;

namespace PortedKernels;

/// <summary>A streaming FIR filter as HLS IP examples write one: samples arrive on an AXI4-Stream input and leave on an
/// AXI4-Stream output, one a cycle; the taps sit in a block RAM outside the filter (ap_memory), which the filter copies
/// into registers first; the sample count comes with a valid strobe (ap_vld) and the output scaling is a wire held for
/// the whole run (ap_none). The shift register and the taps are completely partitioned, so one multiply-accumulate
/// per tap happens every cycle.</summary>
[Kernel("axis_fir")]
public sealed class AxisFir([Range(2, 32)] int taps = 8, [Range(1, 4096)] int samples = 64)
{
    [Top]
    public void Run([Axis] Stream<int> input, [Axis] Stream<int> output, [ApMemory] short[] coefficients, [ApVld] int count, [ApNone] int shift)
    {
        var window = new int[taps];
        Hls.ArrayPartition(window, PartitionKind.Complete, 0);
        var c = new short[taps];
        Hls.ArrayPartition(c, PartitionKind.Complete, 0);
        for (int t = 0; t < taps; t++)
        {
            Hls.Pipeline(1);
            c[t] = coefficients[t];
            window[t] = 0;
        }
        for (int n = 0; n < count; n++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(1, 4096);
            int x = input.Read();
            long acc = (long)x * c[0];
            for (int t = taps - 1; t > 0; t--)
            {
                Hls.Unroll();
                window[t] = window[t - 1];
                acc += (long)window[t] * c[t];
            }
            window[0] = x;
            output.Write((int)(acc >> shift));
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var taps16 = new short[taps];
        for (int t = 0; t < taps; t++) taps16[t] = (short)s.Random.Next(-4096, 4096);
        var words = new int[samples];
        for (int n = 0; n < samples; n++) words[n] = s.Random.Next(-1 << 20, 1 << 20);
        s.Scalar("count", samples).Scalar("shift", 12)
         .Array("coefficients", taps16)
         .Array("input", words)
         .Output<int>("output", samples);
    }
}
