using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0046 at the line whose comment is //! (a port of ap elements is one-dimensional: index it row-major)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run(
        [MAxi("gmem0")] Fixed<W12, W4, Trn, Wrap>[,] x, //!
        [MAxi("gmem1")] Fixed<W12, W4, Trn, Wrap>[] y)
    {
        for (int i = 0; i < n; i++)
            y[i] = x[i, 0];
    }
}
