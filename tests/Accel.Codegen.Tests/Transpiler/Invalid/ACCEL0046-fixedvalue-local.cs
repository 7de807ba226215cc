using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0046 at the line whose comment is //! (an intermediate's shape depends on its operands: declare
// the local with the type it is stored as; the use below is not reported again)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] short[] x, [MAxi("gmem1")] short[] y)
    {
        for (int i = 0; i < n; i++)
        {
            var a = Fixed<W16, W6, Trn, Wrap>.FromRaw(x[i]);
            FixedValue square = a * a; //!
            y[i] = (short)((Fixed<W16, W6, Rnd, Sat>)square).Raw;
        }
    }
}
