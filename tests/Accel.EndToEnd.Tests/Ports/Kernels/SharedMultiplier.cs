using Accel.Hw;

namespace PortedKernels;

/// <summary>A four-tap dot product in the style of the HLS guides' ALLOCATION example: the multiplier is a function
/// of its own, and `instances` of it serve the four taps of every output (4: one per tap, as without the directive).</summary>
[Kernel("shared_multiplier")]
public sealed class SharedMultiplier([Range(1, 4096)] int size = 64, [Range(1, 4)] int instances = 1)
{
    static int Mul(int a, int b) => a * b;

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] x, [MAxi("gmem1", "HBM[1]")] int[] y)
    {
        int[] buf = new int[4 * size];
        Hls.ArrayPartition(buf, PartitionKind.Cyclic, 4);
        for (int i = 0; i < 4 * size; i++)
        {
            Hls.Pipeline(1);
            buf[i] = x[i];
        }
        for (int i = 0; i < size; i++)
        {
            Hls.Pipeline(1);
            Hls.Allocation(Mul, instances);
            int sum = 0;
            for (int j = 0; j < 4; j++)
            {
                Hls.Unroll();
                sum += Mul(buf[4 * i + j], j + 1);
            }
            y[i] = sum;
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s) =>
        s.Array("x", Enumerable.Range(0, 4 * size).Select(_ => s.Random.Next(-100000, 100000)).ToArray()).Output<int>("y", size);
}
