using System.Numerics;
using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0051 at the line whose comment is //! (at its end): Max<int> is the C++ function Max_int
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Max(data[1], data[2]);
        data[3] = Max_int(data[1], data[2]); //!
    }

    static T Max<T>(T a, T b) where T : INumber<T> => a > b ? a : b;

    static int Max_int(int a, int b) => a > b ? a : b;
}
