using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0045 at the line whose comment is //! (one report: nothing follows from it)
public struct Rgb
{
    public byte R, G, B;
}

public struct Pixel
{
    public Rgb Color; //!
    public byte Alpha;
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
            p.Color.R = (byte)x[i];
            p.Alpha = 255;
            y[i] = p.Color.R + p.Alpha;
        }
    }
}
