using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0019 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int s = 0;
        foreach (var v in data) s += v; //!
        data[0] = s;
    }
}
