using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0061 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[][] x = [new int[4], new int[8]]; //!
        x[1][7] = data[0];
        data[1] = x[1][7] + x[0][3];
    }
}
