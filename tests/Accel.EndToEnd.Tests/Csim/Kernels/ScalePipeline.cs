using Accel.Hw;

namespace TestKernels;

/// <summary>A user kernel that lives only in the tests: three dataflow processes joined by streams.</summary>
[Kernel("scale_pipeline")]
public sealed class ScalePipeline(int length = 100, int depth = 4, int gain = 3)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[2]")] int[] input, [MAxi("gmem1", "HBM[3]")] int[] output)
    {
        Hls.Dataflow();
        var raw = new Stream<int>(depth);
        var scaled = new Stream<int>(depth);
        Read(input, raw);
        Scale(raw, scaled);
        Write(scaled, output);
    }

    void Read(int[] input, Stream<int> raw)
    {
        for (int i = 0; i < length; i++)
        {
            Hls.Pipeline(1);
            raw.Write(input[i]);
        }
    }

    void Scale(Stream<int> raw, Stream<int> scaled)
    {
        for (int i = 0; i < length; i++)
        {
            Hls.Pipeline(1);
            int v = raw.Read();
            scaled.Write(v * gain + i);
        }
    }

    void Write(Stream<int> scaled, int[] output)
    {
        for (int i = 0; i < length; i++)
        {
            Hls.Pipeline(1);
            output[i] = scaled.Read();
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s) =>
        s.Array("input", Stimuli.UniformFixed(s.Random, length, -1000, 1000, 0)).Output<int>("output", length);
}
