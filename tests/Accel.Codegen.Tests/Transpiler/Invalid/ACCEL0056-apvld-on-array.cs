using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0056 at the line whose comment is //! (ap_vld is for a scalar)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([ApMemory] int[] x,
        [ApVld] int[] y) //!
    {
        for (int i = 0; i < n; i++)
            y[i] = x[i];
    }
}
