using System.Numerics;
using Accel.Hw;

namespace TestKernels;

/// <summary>Generic math at every integer type and at float and double: in C#, T op T stays a T (byte + byte wraps
/// at 8 bits, there is no promotion to int), a narrow T shifts by the count masked to its width (byte: &amp; 7) and
/// >>> of a narrow signed T shifts its unsigned bits. Each specialisation must compute what C# does.</summary>
[KernelLibrary]
public static class GenericOps
{
    /// <summary>Every operator of generic math on T, folded into one T.</summary>
    public static T Mix<T>(T a, T b, int s) where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        T acc = a + b;
        acc ^= a * b;
        acc += a - b;
        acc += b > T.One ? a / b : T.MaxValue;
        acc += b > T.One ? a % b : T.MinValue;
        acc ^= a << s;
        acc += a >> s;
        acc ^= a >>> s;
        acc += -a;
        acc ^= ~b;
        acc++;
        acc--;
        acc++;
        acc <<= s + 1;
        acc >>= 1;
        acc -= T.CreateTruncating(s * 1000 + 77);
        acc ^= T.CreateTruncating(-1000);    // a constant cut to T's width
        T m = Max(acc, a);
        return m + default(T) + T.Zero * b;
    }

    public static T Max<T>(T a, T b) where T : INumber<T> => a > b ? a : b;

    public static T Poly<T>(T x, T c) where T : INumber<T> => x * x * c - x + T.One;

    /// <summary>A loop in a generic function, called with an on-chip array and with a port.</summary>
    public static T Sum<T>(T[] xs, int n) where T : INumber<T>
    {
        T acc = T.Zero;
        for (int i = 0; i < n; i++) acc += xs[i];
        return acc;
    }
}

[Kernel("generic_semantics")]
public sealed class GenericSemantics([Range(1, 256)] int count = 48)
{
    [Top]
    public void Run([MAxi("gmem0")] long[] a, [MAxi("gmem1")] long[] b, [MAxi("gmem2")] long[] results, [MAxi("gmem3")] double[] reals, [MAxi("gmem4")] long[] sums)
    {
        for (int i = 0; i < count; i++)
        {
            long x = a[i];
            long y = b[i];
            int s = i % 70 - 3;
            int k = 8 * i;
            results[k] = GenericOps.Mix((sbyte)x, (sbyte)y, s);
            results[k + 1] = GenericOps.Mix((byte)x, (byte)y, s);
            results[k + 2] = GenericOps.Mix((short)x, (short)y, s);
            results[k + 3] = GenericOps.Mix((ushort)x, (ushort)y, s);
            results[k + 4] = GenericOps.Mix((int)x, (int)y, s);
            results[k + 5] = GenericOps.Mix((uint)x, (uint)y, s);
            results[k + 6] = GenericOps.Mix(x, y, s);
            results[k + 7] = (long)GenericOps.Mix((ulong)x, (ulong)y, s);
            reals[2 * i] = GenericOps.Max(x * 0.25, -3.0) + GenericOps.Poly((float)y * 1e-18f, 0.5f);
            reals[2 * i + 1] = GenericOps.Poly((double)x, 1e-30);
        }
        var small = new byte[count];
        for (int i = 0; i < count; i++) small[i] = (byte)a[i];
        sums[0] = GenericOps.Sum(small, count);
        sums[1] = GenericOps.Sum(b, count);
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var a = new long[count];
        var b = new long[count];
        long[] edges = [0, 1, -1, 127, -128, 255, 32767, -32768, 65535, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 2];
        for (int i = 0; i < count; i++)
        {
            a[i] = i < edges.Length ? edges[i] : s.Random.NextInt64(long.MinValue, long.MaxValue);
            b[i] = i < edges.Length ? edges[edges.Length - 1 - i] : s.Random.NextInt64(long.MinValue, long.MaxValue);
        }
        s.Array("a", a).Array("b", b).Output<long>("results", 8 * count).Output<double>("reals", 2 * count).Output<long>("sums", 2);
    }
}
