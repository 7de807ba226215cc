using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0015 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        try { data[0] = 1; } catch (Exception) { data[0] = 2; } //!
    }
}
