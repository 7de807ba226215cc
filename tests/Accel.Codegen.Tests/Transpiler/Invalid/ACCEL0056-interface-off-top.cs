using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0056 at the line whose comment is //! (interfaces belong to the top function's parameters)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        Copy(x, y);
    }

    private void Copy(int[] from,
        [ApMemory] int[] to) //!
    {
        for (int i = 0; i < n; i++)
            to[i] = from[i];
    }
}
