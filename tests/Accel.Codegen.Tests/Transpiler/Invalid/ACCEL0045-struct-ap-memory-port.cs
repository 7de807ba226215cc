using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0045 at the line whose comment is //! (one report: nothing follows from it). An m_axi port of
// structs is in the subset (Vitis aggregates it); an ap_memory one is not.
public struct Pixel
{
    public byte R;
    public byte G;
}

[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run(
        [ApMemory] Pixel[] image, //!
        [MAxi("gmem1")] int[] gray)
    {
        for (int i = 0; i < n; i++)
            gray[i] = image[i].R + image[i].G;
    }
}
