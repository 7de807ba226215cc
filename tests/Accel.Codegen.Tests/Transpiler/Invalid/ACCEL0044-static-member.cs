using System.Numerics;
using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0044 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Magnitude(data[1]) + Magnitude(data[2]);
    }

    static T Magnitude<T>(T x) where T : INumber<T> => T.Abs(x); //!
}
