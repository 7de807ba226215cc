using System.Numerics;
using Accel.Hw;

namespace TestKernels;

/// <summary>Dataflow processes generic on the element type of their streams, each specialised per use.</summary>
[KernelLibrary]
public static class Flow
{
    public static void Load<T>(T[] src, Stream<T> dst, int n) where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < n; i++) { Hls.Pipeline(1); dst.Write(src[i]); }
    }
    public static void Twice<T>(Stream<T> src, Stream<T> dst, int n) where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < n; i++) { Hls.Pipeline(1); T v = src.Read(); dst.Write(v + v); }
    }
    public static void Store<T>(Stream<T> src, T[] dst, int n) where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < n; i++) { Hls.Pipeline(1); dst[i] = src.Read(); }
    }
}

/// <summary>Two load / double / store chains in one dataflow region, one of bytes (v + v wraps at 8 bits) and one of
/// ints: six processes, six specialisations.</summary>
[Kernel("generic_dataflow")]
public sealed class GenericDataflow([Range(1, 256)] int size = 32)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] byte[] a, [MAxi("gmem1", "HBM[1]")] byte[] b, [MAxi("gmem2", "HBM[2]")] int[] c, [MAxi("gmem3", "HBM[3]")] int[] d)
    {
        Hls.Dataflow();
        var s1 = new Stream<byte>(4);
        var s2 = new Stream<byte>(4);
        var s3 = new Stream<int>(4);
        var s4 = new Stream<int>(4);
        Flow.Load(a, s1, size);
        Flow.Twice(s1, s2, size);
        Flow.Store(s2, b, size);
        Flow.Load(c, s3, size);
        Flow.Twice(s3, s4, size);
        Flow.Store(s4, d, size);
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var a = new byte[size];
        var c = new int[size];
        for (int i = 0; i < size; i++)
        {
            a[i] = (byte)s.Random.Next(0, 256);
            c[i] = s.Random.Next(int.MinValue, int.MaxValue);
        }
        s.Array("a", a).Output<byte>("b", size).Array("c", c).Output<int>("d", size);
    }
}
