using Accel.Hw;

namespace PortedKernels;

/// <summary>The systolic matrix multiply of SystolicMatmul.cs as a C# user writes it first: the on-chip tiles are
/// jagged arrays (`short[][] localA`, a row allocated per index right after the declaration), indexed localA[i][k],
/// passed whole to the load, compute and store functions and partitioned per dimension. They are the 2-D arrays
/// `int16_t localA[size][size]` in hardware, so the C++, the schedule and the estimate are those of the T[,] twin.</summary>
[Kernel("jagged_mm")]
public sealed class JaggedMatmul([Range(2, 16)] int size = 8)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] short[] a, [MAxi("gmem1", "HBM[1]")] short[] b, [MAxi("gmem2", "HBM[2]")] int[] c)
    {
        short[][] localA = new short[size][];
        for (int i = 0; i < size; i++) localA[i] = new short[size];
        Hls.ArrayPartition(localA, PartitionKind.Complete, 0, 1);
        var localB = new short[size][];
        for (int i = 0; i < localB.Length; i++)
            localB[i] = new short[size];
        Hls.ArrayPartition(localB, PartitionKind.Complete, 0, 2);
        int[][] localC = new int[size][];
        for (int i = 0; i < size; ++i)
        {
            localC[i] = new int[size];
        }
        Hls.ArrayPartition(localC, PartitionKind.Complete, 0, 0);

        Load(a, b, localA, localB);
        Multiply(localA, localB, localC);
        Store(localC, c);
    }

    void Load(short[] a, short[] b, short[][] localA, short[][] localB)
    {
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
            {
                Hls.Pipeline(1);
                localA[i][j] = a[i * size + j];
                localB[i][j] = b[i * size + j];
            }
    }

    void Multiply(short[][] localA, short[][] localB, int[][] localC)
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
                    int last = k == 0 ? 0 : localC[i][j];
                    localC[i][j] = last + localA[i][k] * localB[k][j];
                }
            }
        }
    }

    void Store(int[][] localC, int[] c)
    {
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
            {
                Hls.Pipeline(1);
                c[i * size + j] = localC[i][j];
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
