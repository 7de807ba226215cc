using Accel.Hw;

namespace PortedKernels;

/// <summary>A systolic-array matrix multiply in the style of the vendor's matmul examples: both operands copied
/// into on-chip buffers partitioned so that a whole row of A and a whole column of B are read in one cycle, an
/// accumulation array completely partitioned (the PE grid), the k loop pipelined with the PE loops unrolled.
/// The buffers are flattened row-major (C[i][j] is c[i * size + j]).</summary>
[Kernel("systolic_mm")]
public sealed class SystolicMatmul([Range(2, 16)] int size = 8)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] short[] a, [MAxi("gmem1", "HBM[1]")] short[] b, [MAxi("gmem2", "HBM[2]")] int[] c)
    {
        var localA = new short[size * size];
        Hls.ArrayPartition(localA, PartitionKind.Cyclic, size);
        var localB = new short[size * size];
        Hls.ArrayPartition(localB, PartitionKind.Block, size);
        var localC = new int[size * size];
        Hls.ArrayPartition(localC, PartitionKind.Complete, 0);

        for (int n = 0; n < size * size; n++)
        {
            Hls.Pipeline(1);
            localA[n] = a[n];
            localB[n] = b[n];
        }
        for (int k = 0; k < size; k++)
        {
            Hls.Pipeline(1);
            for (int i = 0; i < size; i++)
            {
                Hls.Unroll();
                for (int j = 0; j < size; j++)
                {
                    Hls.Unroll();
                    int last = k == 0 ? 0 : localC[i * size + j];
                    localC[i * size + j] = last + localA[i * size + k] * localB[k * size + j];
                }
            }
        }
        for (int n = 0; n < size * size; n++)
        {
            Hls.Pipeline(1);
            c[n] = localC[n];
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var a = new short[size * size];
        var b = new short[size * size];
        for (int n = 0; n < a.Length; n++)
        {
            a[n] = (short)s.Random.Next(short.MinValue, short.MaxValue + 1);
            b[n] = (short)s.Random.Next(short.MinValue, short.MaxValue + 1);
        }
        s.Array("a", a).Array("b", b).Output<int>("c", size * size);
    }
}
