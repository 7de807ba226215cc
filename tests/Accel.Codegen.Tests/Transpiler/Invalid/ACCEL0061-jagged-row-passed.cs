using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0061 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[][] x = [new int[4], new int[4]];
        x[1][2] = data[0];
        data[1] = Sum(x[1]); //!
    }

    int Sum(int[] row)
    {
        int s = 0;
        for (int i = 0; i < 4; i++) s += row[i];
        return s;
    }
}
