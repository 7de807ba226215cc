using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0045 at the line whose comment is //! (one report): a port of structs stays in the top function.
public struct Pixel
{
    public byte R;
    public byte G;
}

[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] Pixel[] image, [MAxi("gmem1")] int[] gray)
    {
        Gray(image, gray); //!
    }

    private void Gray(Pixel[] image, int[] gray)
    {
        for (int i = 0; i < n; i++)
            gray[i] = image[i].R + image[i].G;
    }
}
