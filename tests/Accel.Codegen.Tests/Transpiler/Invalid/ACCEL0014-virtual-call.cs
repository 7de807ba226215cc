using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0014 at the line whose comment is //! (at its end)
[Kernel("bad")]
public class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Scale(3); //!
    }
    public virtual int Scale(int x) => x * 2;
}
