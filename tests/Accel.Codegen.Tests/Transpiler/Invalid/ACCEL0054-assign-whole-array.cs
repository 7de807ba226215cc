using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0054 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[] a = new int[4];
        int[] b = new int[4];
        for (int i = 0; i < 4; i++) a[i] = data[i];
        b = a; //!
        data[0] = b[0];
    }
}
