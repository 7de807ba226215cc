using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0057 at the line whose comment is //! (one interface per parameter)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x,
        [MAxi("gmem1"), ApMemory] int[] y) //!
    {
        for (int i = 0; i < n; i++)
            y[i] = x[i];
    }
}
