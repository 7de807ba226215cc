using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0007 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data, int[] plain) //!
    {
        data[0] = 1;
        plain[0] = 2;
    }

}
