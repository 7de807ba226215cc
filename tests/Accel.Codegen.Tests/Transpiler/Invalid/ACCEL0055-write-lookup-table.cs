using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0055 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [LookupTable] readonly int[] table = [1, 2, 3, 4];

    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        table[0] = data[0]; //!
        data[1] = table[1];
    }
}
