using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0046 at the line whose comment is //! (a table holds integers: the raw bits, read with FromRaw;
// one report, at the declaration)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [LookupTable] readonly Fixed<W8, W2, Trn, Wrap>[] weights = Make(); //!

    static Fixed<W8, W2, Trn, Wrap>[] Make()
    {
        var w = new Fixed<W8, W2, Trn, Wrap>[4];
        for (int i = 0; i < 4; i++) w[i] = (Fixed<W8, W2, Trn, Wrap>)(0.25 * i);
        return w;
    }

    [Top]
    public void Run([MAxi("gmem0")] short[] y)
    {
        for (int i = 0; i < n; i++)
            y[i] = (short)weights[i].Raw; // not reported again
    }
}
