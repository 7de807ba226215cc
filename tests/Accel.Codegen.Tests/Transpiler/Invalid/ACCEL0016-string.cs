using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0016 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        string name = "x"; //!
        data[0] = name.Length;
    }
}
