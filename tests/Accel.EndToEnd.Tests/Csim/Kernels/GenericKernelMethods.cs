using System.Numerics;
using Accel.Hw;

namespace TestKernels;

/// <summary>Generic methods of the kernel class as a user writes them: an unconstrained copy, a scale in place
/// called with int and long arrays, a comparison constrained by IComparisonOperators, an instance method reading a
/// [LookupTable] through T.CreateTruncating, a partitioned local T[] with explicit type arguments at the call.</summary>
[Kernel("generic_kernel_methods")]
public sealed class GenericKernelMethods([Range(1, 256)] int size = 16)
{
    [LookupTable] readonly short[] table = Build();
    static short[] Build() { var t = new short[16]; for (int i = 0; i < 16; i++) t[i] = (short)(i * 1000 - 7000); return t; }

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] a, [MAxi("gmem1", "HBM[1]")] long[] b, [MAxi("gmem2", "HBM[2]")] int[] c, [MAxi("gmem3", "HBM[3]")] long[] d)
    {
        var la = new int[size];
        var lb = new long[size];
        Copy(a, la, size);
        Copy(b, lb, size);
        Scale(la, size, 3);
        Scale(lb, size, -5L);
        for (int i = 0; i < size; i++)
        {
            c[i] = la[i] + Lookup<int>(i) + (Less(la[i], 0) ? 1 : 0) + (IsZero(la[i]) ? 100 : 0);
            d[i] = lb[i] + Lookup<long>(i) + SumBuffer<long>(lb[i]);
        }
    }

    static void Copy<T>(T[] src, T[] dst, int n)
    {
        for (int i = 0; i < n; i++) { Hls.Pipeline(1); dst[i] = src[i]; }
    }

    static void Scale<T>(T[] xs, int n, T k) where T : IBinaryInteger<T>
    {
        for (int i = 0; i < n; i++) { Hls.Pipeline(1); xs[i] *= k; }
    }

    static bool Less<T>(T a, T b) where T : IComparisonOperators<T, T, bool> => a < b;
    static bool IsZero<T>(T a) where T : INumberBase<T> => a == T.Zero;

    T Lookup<T>(int i) where T : IBinaryInteger<T> => T.CreateTruncating(table[i % 16]) * T.CreateTruncating(3);

    static T SumBuffer<T>(T seed) where T : IBinaryInteger<T>
    {
        var buf = new T[8];
        Hls.ArrayPartition(buf, PartitionKind.Complete, 0);
        for (int j = 0; j < 8; j++) { Hls.Unroll(); buf[j] = seed >> j; }
        T acc = T.Zero;
        for (int j = 0; j < 8; j++) { Hls.Unroll(); acc ^= buf[j]; }
        return acc;
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var a = new int[size]; var b = new long[size];
        for (int i = 0; i < size; i++) { a[i] = s.Random.Next(-1000, 1000); b[i] = s.Random.NextInt64(-100000, 100000); }
        s.Array("a", a).Array("b", b).Output<int>("c", size).Output<long>("d", size);
    }
}
