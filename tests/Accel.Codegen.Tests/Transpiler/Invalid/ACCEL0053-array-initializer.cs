using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0053 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[] weights = new int[4] { 1, 2, 3, 4 }; //!
        for (int i = 0; i < 4; i++) data[i] = weights[i];
    }
}
