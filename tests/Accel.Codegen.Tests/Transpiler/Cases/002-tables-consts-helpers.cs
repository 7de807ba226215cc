using Accel.Hw;

namespace Cases;

[Kernel("case_kernel")]
public sealed class Case(int bits = 4)
{
    const int Shift = 3;
    const long Bias = -5_000_000_000;

    [LookupTable] readonly byte[] squares = Enumerable.Range(0, 1 << bits).Select(i => (byte)(i * i % 251)).ToArray();

    [Top]
    public void Run([MAxi("gmem0")] uint[] data, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(1, 256);
            data[i] = Mix(data[i]);
        }
    }

    uint Mix(uint v)
    {
        Hls.Inline(false);
        long t = squares[(int)(v & ((1u << bits) - 1))] + Bias;
        t = Fx.Saturate(t >> Shift, 32);
        return (uint)t ^ (v >>> 7);
    }

    [Stimulus]
    public void Stimulus(Stimulus s) => s.Scalar("count", 8).Array("data", Enumerable.Range(0, 8).Select(i => (uint)s.Random.Next() * 3u).ToArray());
}
