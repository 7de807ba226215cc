using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0030 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int v = 1;
        Bump(ref v);
        data[0] = v;
    }
    void Bump(ref int x) { x++; } //!
}
