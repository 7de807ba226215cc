using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0061 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[][] data) //!
    {
        data[0][1] = data[1][0];
    }
}
