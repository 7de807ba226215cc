using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0061 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[][] x = new int[2][] { new int[4], null }; //!
        x[0][3] = data[0];
        data[1] = x[0][3];
    }
}
