using Accel.Hw;

namespace Accel.Kernels;

/// <summary>GELU(x) = ReLU(x) - d(|x|) with d(t) = t Phi(-t) (Edge-MoE). d is read from a 177-entry table at
/// step 1/32 over [0, 5.5] with linear interpolation and is 0 beyond. Inputs and outputs are signed fixed point
/// with 32 bits, actIntBits of them integer; table entries have tableFracBits fraction bits.</summary>
[Kernel("gelu")]
[Config("row16", "rowLength=16,lanes=1")]
[Config("row129-lanes4", "rowLength=129,lanes=4")]
[Config("row768-lanes16", "rowLength=768,lanes=16")]
public sealed class Gelu(
    [Range(1, 65536)] int rowLength = 129,
    [Range(1, 32)] int lanes = 1,
    [Range(6, 16)] int actIntBits = 10,
    [Range(8, 16)] int tableFracBits = 16)
{
    [LookupTable] readonly short[] correction = FixedGelu.Table(tableFracBits);

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] x, [MAxi("gmem1", "HBM[1]")] int[] y, int rows)
    {
        for (int r = 0; r < rows; r++)
        {
            Hls.LoopTripCount(1, 1024);
            for (int c = 0; c < rowLength; c += lanes)
            {
                Hls.Pipeline(1);
                for (int l = 0; l < lanes; l++)
                {
                    Hls.Unroll();
                    if (c + l < rowLength)
                        y[r * rowLength + c + l] = (int)FixedGelu.Apply(x[r * rowLength + c + l], 32 - actIntBits, tableFracBits, correction);
                }
            }
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        const int rows = 4;
        s.Scalar("rows", rows)
         .Array("x", Stimuli.UniformFixed(s.Random, rows * rowLength, -8, 8, 32 - actIntBits))
         .Output<int>("y", rows * rowLength);
    }
}
