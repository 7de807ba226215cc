using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0046 at the line whose comment is //! (a FixedValue has no stored shape, so a table cannot hold it:
// declare it with the Fixed type its values are stored as; one report, at the declaration)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [LookupTable] readonly FixedValue[] weights = Make(); //!

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
