using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0042 at the line whose comment is //! (at its end): the distance follows a value the kernel reads,
// so no configuration fixes it and no pragma can print it.
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[] acc = new int[4];
        Step(data, acc, data[0]);
        Step(data, acc, 2);
    }

    static void Step(int[] data, int[] acc, int k)
    {
        for (int i = 0; i < 16; i++)
        {
            Hls.Pipeline(1);
            Hls.Dependence(acc, distance: k); //!
            acc[i & 3] += data[i];
        }
        data[1] = acc[0];
    }
}
