using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0045 at the line whose comment is //! (one report): a struct scalar argument of the top function.
public struct Gain
{
    public int Scale;
    public int Shift;
}

[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run(
        Gain gain, //!
        [MAxi("gmem1")] int[] data)
    {
        for (int i = 0; i < n; i++)
            data[i] = data[i] * 3;
    }
}
