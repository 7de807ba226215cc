using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0046 at the line whose comment is //! (a 128-bit integer product against a value with 62 fraction
// bits is compared at one binary point: 191 bits, past what C simulation's fallback header holds)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] long[] x, [MAxi("gmem1")] long[] y)
    {
        for (int i = 0; i < n; i++)
        {
            var a = Int<W64>.FromRaw(x[i]);
            var f = Fixed<W64, W2, Trn, Wrap>.FromRaw(x[i] >> 1);
            y[i] = a * a > f ? 1 : 0; //!
        }
    }
}
