using Accel.Hw;

namespace TestKernels;

/// <summary>Every arbitrary-precision operation the transpiler prints, on random raw bits, so the C simulation
/// (with the fallback header, or Vitis's when given) is compared with the C# types bit for bit: stores under all
/// seven quantisation and four overflow modes, exact + - * between signed, unsigned, integer and fixed shapes,
/// comparisons (also ap_int's C-style mixed-sign ones), shifts both ways, negation, to_int64 (also with no
/// integer bits), to_double, double constants, compound assignments, zeroed arrays, and ap arguments and results.</summary>
[Kernel("ap_semantics")]
public sealed class ApSemantics(int count = 48)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] a, [MAxi("gmem1")] int[] b, [MAxi("gmem2")] long[] results)
    {
        var history = new Fixed<W12, W4, Rnd, Sat>[4];
        for (int i = 0; i < count; i++)
        {
            var x = Fixed<W18, W7, Trn, Wrap>.FromRaw(a[i]);
            var y = UFixed<W10, W3, Trn, Wrap>.FromRaw(b[i]);
            var n = Int<W24>.FromRaw(a[i] >> 3);
            var u = UInt<W40>.FromRaw(((long)b[i] << 9) ^ a[i]);
            int k = 17 * i;
            results[k] = Stores(x * y + n, i); // exact: 44 bits, 26 of them integer
            results[k + 1] = ((Fixed<W40, W20, Trn, Wrap>)((x + y) * (x - y))).Raw ^ ((Int<W64>)((n * u) >> 17)).Raw;
            results[k + 2] = CompareFixed(x, y) | CompareInts(n, u) << 6 | CompareWide(u, (Int<W40>)(long)a[i]) << 12
                | (n < -5 ? 1L << 18 : 0) | (u > -5 ? 1L << 19 : 0) | (n == -5 ? 1L << 20 : 0);
            results[k + 3] = (x << (i % 23 - 11)).Raw * 1000003 + (u >> (i % 7 - 3)).Raw;
            results[k + 4] = ((Fixed<W19, W8, Trn, Wrap>)(-x)).Raw + ((Int<W41>)(-u)).Raw * 7 + ((Int<W25>)(-n)).Raw * 3;
            results[k + 5] = (long)x + (long)(x * y) * 100 + (int)n;
            Fixed<W8, W0, Trn, Wrap> frac = (FixedValue)x; // a typed value converts to another through FixedValue
            results[k + 6] = (long)frac + (long)UFixed<W8, W0, Trn, Wrap>.FromRaw(b[i]) * 10;
            results[k + 7] = (long)((double)x * 4096.0) + (long)((double)(x * y) * 65536.0);
            Fixed<W16, W4, RndConv, SatSym> c = (Fixed<W16, W4, RndConv, SatSym>)(-2.71875);
            Fixed<W10, W2, Rnd, Sat> d = (Fixed<W10, W2, Rnd, Sat>)0.3;
            results[k + 8] = ((Fixed<W40, W20, Trn, Wrap>)(c * x + d)).Raw;
            Fixed<W20, W8, Rnd, Sat> acc = default;
            acc += x * y;
            acc -= n;
            acc *= d;
            results[k + 9] = acc.Raw;
            history[i % 4] = (FixedValue)x;
            results[k + 10] = ((Fixed<W14, W6, Trn, Wrap>)(history[0] + history[1] + history[2] + history[3])).Raw;
            results[k + 11] = Scale(x, y).Raw + Scale((Fixed<W18, W7, Trn, Wrap>)(a[i] >> 20), y).Raw;
            results[k + 12] = ((Fixed<W16, W16, Trn, Sat>)(long)a[i]).Raw + ((UFixed<W8, W8, Rnd, SatZero>)(x * 3)).Raw;
            results[k + 13] = (x == y ? 1 : 0) + (n != 0 ? 2 : 0) + (x * y >= n ? 4 : 0) + (u < 1000 ? 8 : 0);
            results[k + 14] = ((UInt<W8>)(n * n)).Raw + ((Int<W12>)(u + n)).Raw * 256;
            results[k + 15] = ((Fixed<W8, W3, TrnZero, SatSym>)(x * y - n)).Raw;
            results[k + 16] = Wide(Int<W64>.FromRaw(((long)a[i] << 32) ^ b[i]), UInt<W63>.FromRaw(((long)b[i] << 31) ^ a[i]));
        }
    }

    /// <summary>One value stored under every mode pair: the 28 raw results folded into one word.</summary>
    static long Stores(Fixed<W44, W26, Trn, Wrap> v, int i)
    {
        long h = i;
        h = h * 31 + ((Fixed<W9, W4, Trn, Wrap>)(FixedValue)v).Raw + ((Fixed<W9, W4, Trn, Sat>)(FixedValue)v).Raw * 3 + ((Fixed<W9, W4, Trn, SatZero>)(FixedValue)v).Raw * 5 + ((Fixed<W9, W4, Trn, SatSym>)(FixedValue)v).Raw * 7;
        h = h * 31 + ((Fixed<W9, W4, TrnZero, Wrap>)(FixedValue)v).Raw + ((Fixed<W9, W4, TrnZero, Sat>)(FixedValue)v).Raw * 3 + ((Fixed<W9, W4, TrnZero, SatZero>)(FixedValue)v).Raw * 5 + ((Fixed<W9, W4, TrnZero, SatSym>)(FixedValue)v).Raw * 7;
        h = h * 31 + ((Fixed<W9, W4, Rnd, Wrap>)(FixedValue)v).Raw + ((Fixed<W9, W4, Rnd, Sat>)(FixedValue)v).Raw * 3 + ((Fixed<W9, W4, Rnd, SatZero>)(FixedValue)v).Raw * 5 + ((Fixed<W9, W4, Rnd, SatSym>)(FixedValue)v).Raw * 7;
        h = h * 31 + ((Fixed<W9, W4, RndZero, Wrap>)(FixedValue)v).Raw + ((Fixed<W9, W4, RndZero, Sat>)(FixedValue)v).Raw * 3 + ((Fixed<W9, W4, RndZero, SatZero>)(FixedValue)v).Raw * 5 + ((Fixed<W9, W4, RndZero, SatSym>)(FixedValue)v).Raw * 7;
        h = h * 31 + ((Fixed<W9, W4, RndMinInf, Wrap>)(FixedValue)v).Raw + ((Fixed<W9, W4, RndMinInf, Sat>)(FixedValue)v).Raw * 3 + ((Fixed<W9, W4, RndMinInf, SatZero>)(FixedValue)v).Raw * 5 + ((Fixed<W9, W4, RndMinInf, SatSym>)(FixedValue)v).Raw * 7;
        h = h * 31 + ((Fixed<W9, W4, RndInf, Wrap>)(FixedValue)v).Raw + ((Fixed<W9, W4, RndInf, Sat>)(FixedValue)v).Raw * 3 + ((Fixed<W9, W4, RndInf, SatZero>)(FixedValue)v).Raw * 5 + ((Fixed<W9, W4, RndInf, SatSym>)(FixedValue)v).Raw * 7;
        h = h * 31 + ((Fixed<W9, W4, RndConv, Wrap>)(FixedValue)v).Raw + ((Fixed<W9, W4, RndConv, Sat>)(FixedValue)v).Raw * 3 + ((Fixed<W9, W4, RndConv, SatZero>)(FixedValue)v).Raw * 5 + ((Fixed<W9, W4, RndConv, SatSym>)(FixedValue)v).Raw * 7;
        return h * 31 + ((UFixed<W9, W4, Rnd, Sat>)(FixedValue)v).Raw + ((UFixed<W9, W4, RndConv, SatSym>)(FixedValue)v).Raw * 3;
    }

    /// <summary>A 127-bit product and a 128-bit sum, the widest intermediates C simulation holds.</summary>
    static long Wide(Int<W64> p, UInt<W63> q) => ((Int<W64>)((p * q) >> 64)).Raw ^ ((Int<W64>)(p * q + p * q)).Raw;

    static long CompareFixed(Fixed<W18, W7, Trn, Wrap> p, UFixed<W10, W3, Trn, Wrap> q) =>
        (p == q ? 1 : 0) | (p != q ? 2 : 0) | (p < q ? 4 : 0) | (p <= q ? 8 : 0) | (p > q ? 16 : 0) | (p >= q ? 32 : 0);

    static long CompareInts(Int<W24> p, UInt<W40> q) =>
        (p == q ? 1 : 0) | (p != q ? 2 : 0) | (p < q ? 4 : 0) | (p <= q ? 8 : 0) | (p > q ? 16 : 0) | (p >= q ? 32 : 0);

    // ap_uint<40> against ap_int<40>: Vitis compares these as unsigned, so a negative p is the larger.
    static long CompareWide(UInt<W40> p, Int<W40> q) =>
        (p == q ? 1 : 0) | (p != q ? 2 : 0) | (p < q ? 4 : 0) | (p <= q ? 8 : 0) | (p > q ? 16 : 0) | (p >= q ? 32 : 0);

    static Fixed<W16, W6, Rnd, Sat> Scale(Fixed<W18, W7, Trn, Wrap> v, UFixed<W10, W3, Trn, Wrap> s) => v * s;

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var a = new int[count];
        var b = new int[count];
        for (int i = 0; i < count; i++)
        {
            a[i] = s.Random.Next(int.MinValue, int.MaxValue);
            b[i] = s.Random.Next(int.MinValue, int.MaxValue);
        }
        a[0] = 0; a[1] = -1; a[2] = 1 << 17; a[3] = (1 << 17) - 1; // edges of an 18-bit shape
        s.Array("a", a).Array("b", b).Output<long>("results", 17 * count);
    }
}
