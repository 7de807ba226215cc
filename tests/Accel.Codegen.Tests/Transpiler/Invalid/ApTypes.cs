using Accel.Hw;

// Arbitrary-precision values outside the subset: shapes that are not fixed, doubles not known when the kernel is
// generated, intermediates too wide.

// A FixedValue has no stored shape, so it cannot be a port's
// element: declare the port with the Fixed type its words hold)
[Kernel("ap_port")]
public sealed class ApPort(int n = 4)
{
    [Top]
    public void Run(
        [MAxi("gmem0")] FixedValue[] x, //! ACCEL0046
        [MAxi("gmem1")] Fixed<W16, W6, Trn, Wrap>[] y)
    {
        for (int i = 0; i < n; i++)
            y[i] = x[i];
    }
}

// A port of ap elements is one-dimensional: index it row-major
[Kernel("ap_two_dimensional_port")]
public sealed class ApTwoDimensionalPort(int n = 4)
{
    [Top]
    public void Run(
        [MAxi("gmem0")] Fixed<W12, W4, Trn, Wrap>[,] x, //! ACCEL0046
        [MAxi("gmem1")] Fixed<W12, W4, Trn, Wrap>[] y)
    {
        for (int i = 0; i < n; i++)
            y[i] = x[i, 0];
    }
}

// A double converts when the kernel is generated, so only
// a constant one may become a Fixed)
[Kernel("double_conversion")]
public sealed class DoubleConversion(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] short[] y)
    {
        for (int i = 0; i < n; i++)
        {
            double scaled = x[i] * 0.5;
            var v = (Fixed<W16, W6, Rnd, Sat>)scaled; //! ACCEL0046
            y[i] = (short)v.Raw;
        }
    }
}

// An intermediate's shape depends on its operands: declare
// the local with the type it is stored as; the use below is not reported again)
[Kernel("fixedvalue_local")]
public sealed class FixedvalueLocal(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] short[] x, [MAxi("gmem1")] short[] y)
    {
        for (int i = 0; i < n; i++)
        {
            var a = Fixed<W16, W6, Trn, Wrap>.FromRaw(x[i]);
            FixedValue square = a * a; //! ACCEL0046
            y[i] = (short)((Fixed<W16, W6, Rnd, Sat>)square).Raw;
        }
    }
}

// A FixedValue has no stored shape, so a table cannot hold it:
// declare it with the Fixed type its values are stored as; one report, at the declaration)
[Kernel("fixedvalue_lookup_table")]
public sealed class FixedvalueLookupTable(int n = 4)
{
    [LookupTable] readonly FixedValue[] weights = Make(); //! ACCEL0046

    static FixedValue[] Make()
    {
        var w = new FixedValue[4];
        for (int i = 0; i < 4; i++) w[i] = (Fixed<W8, W2, Trn, Wrap>)(0.25 * i);
        return w;
    }

    [Top]
    public void Run([MAxi("gmem0")] Fixed<W8, W2, Trn, Wrap>[] y)
    {
        for (int i = 0; i < n; i++)
            y[i] = weights[i]; // not reported again
    }
}

// A 128-bit integer product against a value with 62 fraction
// bits is compared at one binary point: 191 bits, past what C simulation's fallback header holds)
[Kernel("wide_comparison")]
public sealed class WideComparison(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] long[] x, [MAxi("gmem1")] long[] y)
    {
        for (int i = 0; i < n; i++)
        {
            var a = Int<W64>.FromRaw(x[i]);
            var f = Fixed<W64, W2, Trn, Wrap>.FromRaw(x[i] >> 1);
            y[i] = a * a > f ? 1 : 0; //! ACCEL0046
        }
    }
}

// A 64 x 64 x 8-bit product needs 136 bits, past the 128
// that C simulation's fallback header holds: store the first product into a narrower type first)
[Kernel("wide_intermediate")]
public sealed class WideIntermediate(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] long[] x, [MAxi("gmem1")] long[] y)
    {
        for (int i = 0; i < n; i++)
        {
            var a = Int<W64>.FromRaw(x[i]);
            var b = Int<W8>.FromRaw(x[i] >> 8);
            Int<W64> p = a * a * b; //! ACCEL0046
            y[i] = p.Raw;
        }
    }
}
