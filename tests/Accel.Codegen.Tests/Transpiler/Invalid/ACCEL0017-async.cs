using Accel.Hw;

namespace InvalidKernels;

// Expected: ACCEL0017 at the line whose comment is //! (at its end)
[Kernel("bad")]
public sealed class Bad(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        LaterAsync();
        data[0] = 1;
    }
    async void LaterAsync() { await Task.Yield(); } //!
}
