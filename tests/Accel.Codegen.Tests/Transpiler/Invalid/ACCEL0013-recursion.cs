using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0013 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Factorial(n);
    }
    int Factorial(int k) => k <= 1 ? 1 : k * Factorial(k - 1); //!
}
