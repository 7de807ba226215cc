using Accel.Hw;

namespace PortedKernels;

/// <summary>A systolic-array matrix multiply in the style of the vendor's matmul examples: load, compute and store
/// functions taking the 2-D on-chip buffers as parameters; both operands copied into buffers partitioned so that
/// a whole column of A and a whole row of B are read in one cycle (dim=1 and dim=2), the accumulators completely
/// partitioned (dim=0: the PE grid), the k loop pipelined with the PE loops unrolled.</summary>
[Kernel("systolic_mm")]
public sealed class SystolicMatmul([Range(2, 16)] int size = 8)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] short[] a, [MAxi("gmem1", "HBM[1]")] short[] b, [MAxi("gmem2", "HBM[2]")] int[] c)
    {
        var localA = new short[size, size];
        Hls.ArrayPartition(localA, PartitionKind.Complete, 0, 1);
        var localB = new short[size, size];
        Hls.ArrayPartition(localB, PartitionKind.Complete, 0, 2);
        var localC = new int[size, size];
        Hls.ArrayPartition(localC, PartitionKind.Complete, 0, 0);

        Load(a, b, localA, localB);
        Multiply(localA, localB, localC);
        Store(localC, c);
    }

    void Load(short[] a, short[] b, short[,] localA, short[,] localB)
    {
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
            {
                Hls.Pipeline(1);
                localA[i, j] = a[i * size + j];
                localB[i, j] = b[i * size + j];
            }
    }

    void Multiply(short[,] localA, short[,] localB, int[,] localC)
    {
        for (int k = 0; k < size; k++)
        {
            Hls.Pipeline(1);
            for (int i = 0; i < size; i++)
            {
                Hls.Unroll();
                for (int j = 0; j < size; j++)
                {
                    Hls.Unroll();
                    int last = k == 0 ? 0 : localC[i, j];
                    localC[i, j] = last + localA[i, k] * localB[k, j];
                }
            }
        }
    }

    void Store(int[,] localC, int[] c)
    {
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
            {
                Hls.Pipeline(1);
                c[i * size + j] = localC[i, j];
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
