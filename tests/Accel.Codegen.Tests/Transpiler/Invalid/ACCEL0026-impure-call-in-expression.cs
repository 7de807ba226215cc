using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0026 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        var s = new Stream<int>(2);
        s.Write(1);
        s.Write(2);
        data[0] = data[1] > 0 ? s.Read() : 0; //!
    }
}
