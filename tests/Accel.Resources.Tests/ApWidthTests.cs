namespace Accel.Resources.Tests;

/// <summary>Arbitrary-precision values are costed at their own widths, the exact shapes ap_fixed gives them (not
/// 32 or 64 bits), with the rounding and saturation a quantising store adds. Derived by hand below.</summary>
public sealed class ApWidthTests
{
    private static readonly string Source = Kernels.Source("int n = 4", Kernels.XToY, """
                for (int i = 0; i < n; i++)
                {
                    Hls.Pipeline(1);
                    var a = Fixed<W18, W7, Trn, Wrap>.FromRaw(x[i]);
                    var b = UFixed<W10, W3, Trn, Wrap>.FromRaw(x[i] >> 18);
                    Fixed<W20, W8, Rnd, Sat> c = a * b + a;
                    var d = new Fixed<W20, W8, Rnd, Sat>[8];
                    d[i] = c;
                    y[i] = (int)d[i].Raw;
                }
        """);

    [Fact]
    public void OperatorsAndMemoriesTakeTheApShapes()
    {
        ResourceEstimate e = ResourceEstimator.Estimate(Kernels.FromSource(Source));
        long Count(string what) => e.Items.Where(i => i.What == what).Sum(i => i.Count);
        Assert.Equal(1, Count("mul 18x10->28"));  // a * b: 18 + 10 bits, exact
        Assert.Equal(1, Count("add 29 bit"));  // + a: fraction max(18, 11) = 18, integer max(10, 7) + 1 = 11
        Assert.Equal(1, Count("add 20 bit"));  // AP_RND into 12 fraction bits: a rounding adder of the target's width
        Assert.Equal(2, Count("lt 29 bit"));    // AP_SAT from 11 integer bits into 8: the sum against each bound
        Assert.Equal(1, Count("mux 20 bit"));  // ... and the select of the bound
        var d = Assert.Single(e.Memories, m => m.Name == "d");
        Assert.Equal((8L, 20), (d.Depth, d.Width)); // eight 20-bit words
    }

    [Fact]
    public void AnOperatorWiderThanTheCalibratedSixtyFourBitsIsCostedInSixtyFourBitPieces()
    {
        ResourceEstimate e = ResourceEstimator.Estimate(Kernels.FromSource(Kernels.Source("int n = 4", """[MAxi("gmem0")] long[] x, [MAxi("gmem1")] long[] y""", """
                    for (int i = 0; i < n; i++)
                    {
                        Hls.Pipeline(1);
                        var a = Int<W64>.FromRaw(x[i]);
                        var b = UInt<W63>.FromRaw(x[i + n]);
                        y[i] = ((Int<W64>)((a * b) >> 64)).Raw + ((Int<W64>)(a + b)).Raw;
                    }
            """)));
        long Count(string what) => e.Items.Where(i => i.What == what).Sum(i => i.Count);
        Assert.Equal(1, Count("mul 64x63->64")); // 64 x 63 -> 127 bits: one pair of 64-bit pieces
        // a + b: 65 bits (64 signed beside 63 unsigned, plus one), two pieces; and the long sum of the two Raws: one
        Assert.Equal(3, Count("add 64 bit"));
    }
}
