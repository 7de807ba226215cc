using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0028 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        switch (data[0])
        {
            case 1:
                if (data[2] > 0) break; //!
                data[1] = 2;
                break;
            default:
                data[1] = 3;
                break;
        }
    }
}
