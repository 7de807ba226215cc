using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0006 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        for (int i = 0; i < n; i++)
        {
            data[i] = i;
            Hls.Pipeline(1); //!
        }
    }
}
