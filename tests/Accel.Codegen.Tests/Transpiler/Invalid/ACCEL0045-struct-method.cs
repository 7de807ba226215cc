using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0045 at the line whose comment is //! (one report: nothing follows from it)
public struct Pixel
{
    public int R;
    public int G;

    public int Sum() => R + G; //!
}

[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        for (int i = 0; i < n; i++)
        {
            Pixel p = default;
            p.R = x[i];
            p.G = x[i] + 1;
            y[i] = p.Sum() + p.R;
        }
    }
}
