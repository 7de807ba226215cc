using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0042 at the line whose comment is //! (at its end): no instance at all cannot serve the calls.
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    static int Twice(int x) => 2 * x;

    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        for (int i = 0; i < 16; i++)
        {
            Hls.Pipeline(1);
            Hls.Allocation(Twice, 0); //!
            data[i] = Twice(data[i]);
        }
    }
}
