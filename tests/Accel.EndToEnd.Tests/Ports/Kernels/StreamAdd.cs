using Accel.Hw;

namespace PortedKernels;

/// <summary>A streaming vector add as the Vitis kernel-to-kernel examples write one: one operand arrives on an AXI4-Stream
/// port from another kernel, the other is read from device memory through m_axi, the sums leave on an AXI4-Stream port
/// to the next kernel; the element count is an s_axilite register. A Vitis (XRT) kernel: v++ links its axis ports with
/// stream_connect.</summary>
[Kernel("stream_add")]
public sealed class StreamAdd([Range(1, 4096)] int size = 100)
{
    [Top]
    public void Run([Axis] Stream<int> a, [MAxi("gmem0", "HBM[0]")] int[] b, [Axis] Stream<int> sum, int n)
    {
        for (int i = 0; i < n; i++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(1, 4096);
            sum.Write(a.Read() + b[i]);
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var a = new int[size];
        var b = new int[size];
        for (int i = 0; i < size; i++)
        {
            a[i] = s.Random.Next();
            b[i] = s.Random.Next();
        }
        s.Scalar("n", size).Array("a", a).Array("b", b).Output<int>("sum", size);
    }
}
