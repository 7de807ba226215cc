using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0042 at the line whose comment is //! (at its end): Hls.Allocation names a .NET method, which
// is no hardware function of the kernel.
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        for (int i = 0; i < 16; i++)
        {
            Hls.Pipeline(1);
            Hls.Allocation(double.IsNaN, 1); //!
            data[i] = data[i] * 2;
        }
    }
}
