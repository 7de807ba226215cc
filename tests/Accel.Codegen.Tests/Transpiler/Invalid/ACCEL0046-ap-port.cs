using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0046 at the line whose comment is //! (a FixedValue has no stored shape, so it cannot be a port's
// element: declare the port with the Fixed type its words hold)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run(
        [MAxi("gmem0")] FixedValue[] x, //!
        [MAxi("gmem1")] Fixed<W16, W6, Trn, Wrap>[] y)
    {
        for (int i = 0; i < n; i++)
            y[i] = x[i];
    }
}
