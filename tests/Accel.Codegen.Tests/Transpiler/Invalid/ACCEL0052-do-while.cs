using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0052 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int i = 0;
        do //!
        {
            data[i] = i;
            i++;
        } while (i < n);
    }
}
