using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0058 at the line whose comment is //! (an axis port has one direction; the write is in a callee)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([Axis] Stream<int> x,
        [Axis] Stream<int> y) //!
    {
        for (int i = 0; i < n; i++)
        {
            int v = x.Read() + y.Read();
            Echo(y, v);
        }
    }

    private static void Echo(Stream<int> s, int v) => s.Write(v);
}
