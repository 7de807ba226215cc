using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0060 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        var square = new int[4, 4];
        var wide = new int[2, 8];
        Clear(square);
        Clear(wide); //!
        data[0] = square[1, 1] + wide[1, 7];
    }

    void Clear(int[,] m)
    {
        for (int i = 0; i < 2; i++)
            m[i, 1] = i;
    }
}
