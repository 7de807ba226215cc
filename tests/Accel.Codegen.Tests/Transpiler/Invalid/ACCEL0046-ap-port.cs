using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0046 at the line whose comment is //! (ports carry integers: the raw bits and FromRaw instead)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run(
        [MAxi("gmem0")] Fixed<W16, W6, Trn, Wrap>[] x, //!
        [MAxi("gmem1")] short[] y)
    {
        for (int i = 0; i < n; i++)
            y[i] = (short)x[i].Raw;
    }
}
