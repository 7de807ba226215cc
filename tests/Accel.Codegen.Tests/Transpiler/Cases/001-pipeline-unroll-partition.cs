using Accel.Hw;

namespace Cases;

[Kernel("case_kernel")]
public sealed class Case(int length = 64, int lanes = 4)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] input, [MAxi("gmem1", "HBM[5]")] long[] output, int scale)
    {
        int[] buffer = new int[length];
        Hls.ArrayPartition(buffer, PartitionKind.Cyclic, lanes);
        for (int i = 0; i < length; i += lanes)
        {
            Hls.Pipeline(2);
            for (int l = 0; l < lanes; l++)
            {
                Hls.Unroll();
                buffer[i + l] = input[i + l] * scale;
            }
        }
        for (int i = length - 1; i >= 0; i--)
        {
            Hls.Pipeline(1);
            output[i] = buffer[i] + (long)buffer[length - 1 - i];
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s) => s.Scalar("scale", 3).Array("input", Stimuli.UniformFixed(s.Random, length, -1000, 1000, 0)).Output<long>("output", length);
}
