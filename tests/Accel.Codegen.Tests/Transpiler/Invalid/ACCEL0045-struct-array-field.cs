using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0045 at the line whose comment is //! (one report: nothing follows from it)
public struct Window
{
    public int[] Taps; //!
    public int Count;
}

[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        Window w = default;
        w.Count = n;
        for (int i = 0; i < w.Count; i++)
            y[i] = x[i];
    }
}
