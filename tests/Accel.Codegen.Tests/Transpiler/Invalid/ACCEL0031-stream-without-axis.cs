using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0031 at the line whose comment is //! (a top-level stream needs [Axis])
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([Axis] Stream<int> x,
        Stream<int> y) //!
    {
        for (int i = 0; i < n; i++)
            y.Write(x.Read());
    }
}
