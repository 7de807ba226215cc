using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0031 at the line whose comment is //! (at its end): a 2-D port takes its dimensions from the
// [Stimulus], and this kernel has none
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[,] data) //!
    {
        data[0, 0] = n;
    }
}
