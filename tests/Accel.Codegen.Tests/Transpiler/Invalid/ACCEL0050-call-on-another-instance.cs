using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0050 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        var other = this;
        data[0] = other.Twice(data[1]); //!
    }

    int Twice(int x) => 2 * x;
}
