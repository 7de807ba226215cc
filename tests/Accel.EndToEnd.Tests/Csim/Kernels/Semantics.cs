using Accel.Hw;

namespace TestKernels;

/// <summary>Exercises where C# and C++ differ: wrapping signed arithmetic, shift counts at and past the width,
/// shifts of negatives, division and remainder of negatives, narrowing casts, unsigned and small types,
/// compound assignments on narrow types, loops with break and continue, and the Fx operations.</summary>
[Kernel("semantics")]
public sealed class Semantics(int count = 64, int shiftBias = 29)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] a, [MAxi("gmem1")] long[] b, [MAxi("gmem2")] long[] results)
    {
        for (int i = 0; i < count; i++)
        {
            Hls.Pipeline(1);
            int x = a[i];
            long y = b[i];
            int k = 8 * i;
            results[k] = x + int.MaxValue;                       // wraps
            results[k + 1] = (x < (-1 << 28) ? -1 << 28 : x) * 65599 - y; // a negative constant shifted left; the multiply wraps, then widens
            results[k + 2] = (x << (i + shiftBias)) ^ (y << i);  // counts past 31 / 63 are masked
            results[k + 3] = x >> (i % 40) | (long)((uint)x >> 3) | (y >>> (i % 70));
            results[k + 4] = Divide(x, i - 31) + Remainder(y, 7 - i);
            results[k + 5] = (short)x + (sbyte)y + (byte)(x >> 8) + (ushort)y;
            results[k + 6] = Fx.RoundShift(y, i % 20) + Fx.Saturate(y, 1 + i % 40) + Fx.SaturateUnsigned(x, i % 33) + Fx.LeadingZeros((ulong)y);
            results[k + 7] = Mixed(x, y, i);
        }
    }

    static long Divide(int x, int d) => d == 0 ? -x : x / d;

    static long Remainder(long y, int d) => d == 0 ? y : y % d;

    static long Mixed(int x, long y, int i)
    {
        short s = (short)x;
        s += 30000;                  // compound assignment narrows back to short
        s++;
        byte small = (byte)y;
        small -= 200;
        uint u = (uint)x;
        u *= 2654435761u;
        ulong w = (ulong)y;
        w += ulong.MaxValue;
        long acc = 0;
        int n = 0;
        while (n < 40)
        {
            n++;
            if (n % 3 == 0) continue;
            if (n > i + 5) break;
            acc -= n * (long)x;
        }
        bool negative = x < 0 && y > 0 || x == y;
        long bits = ~x & 0x7fff;
        return s + small + u + (long)w + acc + (negative ? 1 : 0) + Math.Abs(x / 2) + Math.Min(x, i) + Math.Max(y, -5L) + bits - (-y);
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var a = new int[count];
        var b = new long[count];
        int[] edges = [0, 1, -1, int.MaxValue, int.MinValue, 255, -256, 65535];
        for (int i = 0; i < count; i++)
        {
            a[i] = i < edges.Length ? edges[i] : s.Random.Next(int.MinValue, int.MaxValue);
            b[i] = i < 4 ? new[] { long.MaxValue, long.MinValue, 0L, -1L }[i] : s.Random.NextInt64(long.MinValue, long.MaxValue);
        }
        s.Array("a", a).Array("b", b).Output<long>("results", 8 * count);
    }
}
