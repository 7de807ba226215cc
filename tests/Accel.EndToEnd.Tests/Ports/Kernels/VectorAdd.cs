using Accel.Hw;

namespace PortedKernels;

/// <summary>The vector add of the vendor tutorials, as written there: load, compute and store processes in a
/// dataflow region joined by streams, the add reading both streams inside one expression, an unsigned loop index.</summary>
[Kernel("vadd")]
public sealed class VectorAdd([Range(1, 1 << 20)] int size = 256, [Range(2, 64)] int depth = 8)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] in1, [MAxi("gmem1", "HBM[1]")] int[] in2, [MAxi("gmem2", "HBM[2]")] int[] outSum)
    {
        Hls.Dataflow();
        var a = new Stream<int>(depth);
        var b = new Stream<int>(depth);
        var sum = new Stream<int>(depth);
        Load(in1, in2, a, b);
        Add(a, b, sum);
        Store(sum, outSum);
    }

    void Load(int[] in1, int[] in2, Stream<int> a, Stream<int> b)
    {
        for (uint i = 0; i < (uint)size; i++)
        {
            Hls.Pipeline(1);
            a.Write(in1[i]);
            b.Write(in2[i]);
        }
    }

    void Add(Stream<int> a, Stream<int> b, Stream<int> sum)
    {
        for (int i = 0; i < size; i++)
        {
            Hls.Pipeline(1);
            sum.Write(a.Read() + b.Read());
        }
    }

    void Store(Stream<int> sum, int[] outSum)
    {
        for (int i = 0, j = size - 1; i < size; i++, j--)
        {
            Hls.Pipeline(1);
            outSum[i] = sum.Read() - (j & 1);
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s) => s
        .Array("in1", Stimuli.UniformFixed(s.Random, size, -1e6, 1e6, 0))
        .Array("in2", Stimuli.UniformFixed(s.Random, size, -1e6, 1e6, 0))
        .Output<int>("outSum", size);
}
