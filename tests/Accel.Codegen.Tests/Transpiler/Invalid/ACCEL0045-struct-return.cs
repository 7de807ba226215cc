using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0045 at the line whose comment is //! (one report: nothing follows from it)
public struct Complex
{
    public int Re;
    public int Im;
}

[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        for (int i = 0; i < n; i++)
        {
            Complex c = Conjugate(x[i], x[i] + 1); //!
            y[i] = c.Re + c.Im;
        }
    }

    private static Complex Conjugate(int re, int im) => new Complex { Re = re, Im = -im };
}
