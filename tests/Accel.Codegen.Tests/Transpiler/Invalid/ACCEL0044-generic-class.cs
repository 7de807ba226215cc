using Accel.Hw;

namespace InvalidKernels;

[KernelLibrary]
public static class Pair<T>
{
    public static int Twice(int x) => x + x;
}

// Expected: ACCEL0044 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Pair<int>.Twice(data[1]); //!
    }
}
