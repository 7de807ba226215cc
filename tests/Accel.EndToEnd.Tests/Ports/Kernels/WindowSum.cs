using Accel.Hw;

namespace PortedKernels;

/// <summary>A sliding-window sum in the style of the HLS guides' array-reshape example: the input is copied on
/// chip into a buffer reshaped into four-element words, so the pipelined loop reads its four neighbours x[4k] ..
/// x[4k + 3] with one access a cycle instead of partitioning the buffer into four block RAMs.</summary>
[Kernel("window_sum")]
[Requires("size % 4 == 0", "the loop reads whole four-element words")]
public sealed class WindowSum([Range(4, 4096)] int size = 256)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] x, [MAxi("gmem1", "HBM[1]")] int[] sums)
    {
        int[] buf = new int[size];
        Hls.ArrayReshape(buf, PartitionKind.Cyclic, 4);
        for (int i = 0; i < size; i++)
        {
            Hls.Pipeline(1);
            buf[i] = x[i];
        }
        for (int k = 0; k < size / 4; k++)
        {
            Hls.Pipeline(1);
            int sum = 0;
            for (int j = 0; j < 4; j++)
            {
                Hls.Unroll();
                sum += buf[4 * k + j];
            }
            sums[k] = sum;
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s) =>
        s.Array("x", Enumerable.Range(0, size).Select(_ => s.Random.Next(-100000, 100000)).ToArray()).Output<int>("sums", size / 4);
}
