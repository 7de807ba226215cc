using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0025 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int a = 0;
        data[0] = (a = 5); //!
    }
}
