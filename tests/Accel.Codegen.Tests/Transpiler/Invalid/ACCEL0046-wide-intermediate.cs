using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0046 at the line whose comment is //! (a 64 x 64 x 8-bit product needs 136 bits, past the 128
// that C simulation's fallback header holds: store the first product into a narrower type first)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] long[] x, [MAxi("gmem1")] long[] y)
    {
        for (int i = 0; i < n; i++)
        {
            var a = Int<W64>.FromRaw(x[i]);
            var b = Int<W8>.FromRaw(x[i] >> 8);
            Int<W64> p = a * a * b; //!
            y[i] = p.Raw;
        }
    }
}
