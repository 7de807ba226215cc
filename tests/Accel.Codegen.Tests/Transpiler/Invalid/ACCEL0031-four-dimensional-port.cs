using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0031 at the line whose comment is //! (at its end): a port has at most three dimensions
[Kernel("bad")]
public sealed class Bad(int n = 2)
{
    [Top]
    public void Run([MAxi("gmem0")] int[,,,] data) //!
    {
        data[0, 0, 0, 0] = n;
    }

    [Stimulus]
    public void Stimulus(Stimulus s) => s.Array("data", new int[n, n, n, n]);
}
