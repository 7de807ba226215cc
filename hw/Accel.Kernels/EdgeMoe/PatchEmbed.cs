using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>Patch embedding: the image (channels x height x width, channel-major) is cut into patch x patch
/// squares, each flattened as (channel, row, column) and projected to dim by the linear unit; token 0 is the class
/// token; the position embedding is added to every token. y: (1 + patches) x dim.</summary>
[Kernel("edgemoe_patch_embed")]
[Config("img16x32-p8", "height=16,width=32,patch=8,dim=64")]
[Config("img8x8-p4-c1", "channels=1,height=8,width=8,patch=4,dim=24,tileIn=8,tileOut=8")]
public sealed class PatchEmbed(
    [Range(1, 16)] int channels = 3,
    [Range(1, 4096)] int height = 128,
    [Range(1, 4096)] int width = 256,
    [Range(1, 64)] int patch = 16,
    [Range(1, 4096)] int dim = 192,
    [Range(1, 64)] int tileIn = 16,
    [Range(1, 64)] int tileOut = 16,
    [Range(6, 16)] int actIntBits = 10,
    [Range(8, 15)] int weightFracBits = 14)
{
    [LookupTable] readonly short[] noGelu = [0];   // the linear unit's GELU table, unused here (gelu is off)

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] image, [MAxi("gmem1", "HBM[1]")] short[] w, [MAxi("gmem2", "HBM[2]")] int[] bias,
        [MAxi("gmem3", "HBM[3]")] int[] cls, [MAxi("gmem4", "HBM[4]")] int[] pos, [MAxi("gmem5", "HBM[5]")] int[] y)
    {
        int[] patches = new int[(height / patch) * (width / patch) * channels * patch * patch];
        short[] weightTiles = new short[2 * tileOut * channels * patch * patch];
        long[] acc = new long[tileOut];
        int[] biasTiles = new int[2 * tileOut];
        Hls.ArrayPartition(biasTiles, PartitionKind.Complete); // tileOut biases read per cycle
        Hls.ArrayPartition(patches, PartitionKind.Cyclic, tileIn);
        Hls.ArrayPartition(weightTiles, PartitionKind.Cyclic, tileIn * tileOut); // input-major tiles: one bank per multiplier
        Hls.ArrayPartition(acc, PartitionKind.Complete);
        int across = width / patch, count = (height / patch) * across, size = channels * patch * patch;
        for (int n = 0; n < count; n++)
        {
            for (int i = 0; i < size; i++)
            {
                Hls.Pipeline(1);
                int c = i / (patch * patch), r = i / patch % patch, col = i % patch;
                patches[n * size + i] = image[(c * height + (n / across) * patch + r) * width + (n % across) * patch + col];
            }
        }
        for (int i = 0; i < (count + 1) * dim; i++)
        {
            Hls.Pipeline(1);
            y[i] = i < dim ? (int)Fx.Saturate((long)pos[i] + cls[i], 32) : pos[i];
        }
        // Patch n goes to token n + 1, added to its position embedding; no row index, no scores (y stands in for both).
        LinearUnit.Run(patches, 0, count, size, dim, w, 0, bias, 0, y, dim, 0, 1, false, y, 0, false, false, true, y,
            tileIn, tileOut, 32 - actIntBits, weightFracBits, 16, noGelu, weightTiles, biasTiles, acc);
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        int frac = 32 - actIntBits, tokens = 1 + (height / patch) * (width / patch), size = channels * patch * patch;
        double bound = 1 / Math.Sqrt(size);
        s.Array("image", Stimuli.GaussianFixed(s.Random, channels * height * width, 1, frac))
         .Array("w", Stimuli.UniformFixed(s.Random, dim * size, -bound, bound, weightFracBits, 16).Select(v => (short)v).ToArray())
         .Array("bias", Stimuli.UniformFixed(s.Random, dim, -bound, bound, frac))
         .Array("cls", Stimuli.GaussianFixed(s.Random, dim, 0.02, frac))
         .Array("pos", Stimuli.GaussianFixed(s.Random, tokens * dim, 0.02, frac))
         .Output<int>("y", tokens * dim);
    }
}
