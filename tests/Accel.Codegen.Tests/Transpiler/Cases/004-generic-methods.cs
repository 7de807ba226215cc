using System.Numerics;
using Accel.Hw;

namespace Cases;

[KernelLibrary]
public static class Lib
{
    public static T Max<T>(T a, T b) where T : INumber<T> => a > b ? a : b;
}

[Kernel("case_kernel")]
public sealed class Case(int n = 8)
{
    [Top]
    public void Run([MAxi("gmem0")] byte[] small, [MAxi("gmem1")] long[] wide)
    {
        for (int i = 0; i < n; i++)
        {
            Hls.Pipeline(1);
            small[i] = Lib.Max(Mix(small[i], 3), (byte)200);
            wide[i] = Lib.Max(Mix(wide[i], 3), 200L);
        }
    }

    // byte + byte stays a byte, a byte shifts by the count & 7: each specialisation keeps C#'s generic math.
    static T Mix<T>(T x, int s) where T : IBinaryInteger<T> => (x << s) + x * T.CreateTruncating(5) - T.One;

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var small = new byte[n];
        var wide = new long[n];
        for (int i = 0; i < n; i++)
        {
            small[i] = (byte)s.Random.Next(0, 256);
            wide[i] = s.Random.NextInt64(long.MinValue, long.MaxValue);
        }
        s.Array("small", small).Array("wide", wide);
    }
}
