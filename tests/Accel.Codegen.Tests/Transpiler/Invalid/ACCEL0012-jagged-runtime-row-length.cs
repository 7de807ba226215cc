using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0012 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int m = data[0];
        int[][] x = new int[2][];
        for (int r = 0; r < 2; r++) x[r] = new int[m]; //!
        x[1][0] = data[1];
        data[1] = x[1][0];
    }
}
