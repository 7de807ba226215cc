using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0045 at the line whose comment is //! (one report: nothing follows from it)
public struct Pixel
{
    public int R;
    public int G { get; set; } //!
}

[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        Pixel[] buf = new Pixel[8];
        for (int i = 0; i < n; i++)
        {
            buf[i & 7].R = x[i];
            buf[i & 7].G = x[i];
            y[i] = buf[i & 7].R + buf[i & 7].G;
        }
    }
}
