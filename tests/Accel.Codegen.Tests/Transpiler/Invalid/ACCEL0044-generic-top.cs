using System.Numerics;
using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0044 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run<T>([MAxi("gmem0")] T[] data) where T : INumber<T> //!
    {
        data[0] = data[1] + data[2];
    }
}
