using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0045 at the line whose comment is //! (one report: nothing follows from it)
public struct Sample
{
    public int Value;
    public bool Last;
}

[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        var s = new Stream<Sample>(4); //!
        for (int i = 0; i < n; i++)
            y[i] = x[i];
    }
}
