using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0046 at the line whose comment is //! (a double converts when the kernel is generated, so only
// a constant one may become a Fixed)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] short[] y)
    {
        for (int i = 0; i < n; i++)
        {
            double scaled = x[i] * 0.5;
            var v = (Fixed<W16, W6, Rnd, Sat>)scaled; //!
            y[i] = (short)v.Raw;
        }
    }
}
