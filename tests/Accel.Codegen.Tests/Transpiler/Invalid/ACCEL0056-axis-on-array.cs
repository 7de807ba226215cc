using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0056 at the line whose comment is //! (an axis port is a Stream<T>, not an array)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x,
        [Axis] int[] y) //!
    {
        for (int i = 0; i < n; i++)
            y[i] = x[i];
    }
}
