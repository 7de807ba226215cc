using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0021 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        unsafe { int v = 5; int* p = &v; data[0] = *p; } //!
    }
}
