using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0044 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Larger(data[1], data[2]);
    }

    static T Larger<T>(T a, T b)
        where T : IComparable<T> //!
        => a.CompareTo(b) > 0 ? a : b;
}
