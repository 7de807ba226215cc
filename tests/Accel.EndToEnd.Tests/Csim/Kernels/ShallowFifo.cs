using Accel.Hw;

namespace TestKernels;

/// <summary>Deadlocks in hardware when depth &lt; count: the producer fills A before it writes B, the consumer
/// alternates A and B. In C# the processes run one after the other, so the values are fine.</summary>
[Kernel("shallow_fifo")]
public sealed class ShallowFifo(int count = 8, int depth = 2)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] output)
    {
        Hls.Dataflow();
        var a = new Stream<int>(depth);
        var b = new Stream<int>(depth);
        Produce(a, b);
        Consume(a, b, output);
    }

    void Produce(Stream<int> a, Stream<int> b)
    {
        for (int i = 0; i < count; i++) { Hls.Pipeline(1); a.Write(i); }
        for (int i = 0; i < count; i++) { Hls.Pipeline(1); b.Write(10 * i); }
    }

    void Consume(Stream<int> a, Stream<int> b, int[] output)
    {
        for (int i = 0; i < count; i++)
        {
            Hls.Pipeline(1);
            int x = a.Read();
            int y = b.Read();
            output[i] = x + y;
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s) => s.Output<int>("output", count);
}
