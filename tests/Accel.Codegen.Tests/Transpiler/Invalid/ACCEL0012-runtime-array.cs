using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0012 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[] buffer = new int[data[0]]; //!
        data[1] = buffer[0];
    }
}
