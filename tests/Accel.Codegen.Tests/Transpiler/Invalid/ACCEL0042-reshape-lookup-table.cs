using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0042 at the line whose comment is //! (at its end): a lookup table is a ROM of its own entries; it
// can be partitioned into banks but not reshaped into wider words.
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [LookupTable] readonly int[] curve = [1, 2, 3, 4, 5, 6, 7, 8];

    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        Hls.ArrayReshape(curve, PartitionKind.Cyclic, 2); //!
        for (int i = 0; i < 8; i++) data[i] = curve[i];
    }
}
