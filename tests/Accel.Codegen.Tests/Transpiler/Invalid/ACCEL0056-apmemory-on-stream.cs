using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0056 at the line whose comment is //! (an ap_memory port is an array, not a stream)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([Axis] Stream<int> x,
        [ApMemory] Stream<int> y) //!
    {
        for (int i = 0; i < n; i++)
            y.Write(x.Read());
    }
}
