using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0011 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        Func<int, int> twice = x => x * 2; //!
        data[0] = 1;
    }
}
