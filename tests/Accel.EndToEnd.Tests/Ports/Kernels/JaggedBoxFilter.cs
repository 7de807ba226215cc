using Accel.Hw;

namespace PortedKernels;

/// <summary>The 3 x 3 box filter of BoxFilter.cs with its line buffer and window written as jagged arrays whose rows
/// are listed where they are declared (`short[][] lines = [new short[width], ...]`, `new int[3][] { new int[3], ... }`),
/// as a C# user writes a ring of row buffers: `int16_t lines[3][W]` and `int32_t window[3][3]` in hardware, partitioned
/// by row and completely, the same C++, schedule and estimate as the 2-D twin. The image ports stay 2-D (T[,]):
/// a port's buffer is one row-major block, which a jagged array is not.</summary>
[Kernel("jagged_box")]
public sealed class JaggedBoxFilter([Range(3, 64)] int height = 12, [Range(3, 256)] int width = 20)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] short[,] image, [MAxi("gmem1", "HBM[1]")] short[,] filtered)
    {
        short[][] lines = [new short[width], new short[width], new short[width]];
        Hls.ArrayPartition(lines, PartitionKind.Complete, 0, 1);
        int[][] window = new int[3][] { new int[3], new int[3], new int[3] };
        Hls.ArrayPartition(window, PartitionKind.Complete, 0, 0);
        for (int row = 0; row < height; row++)
        {
            LoadRow(image, lines, row);
            for (int col = 0; col < width; col++)
            {
                Hls.Pipeline(1);
                for (int r = 0; r < 3; r++)
                {
                    Hls.Unroll();
                    window[r][0] = window[r][1];
                    window[r][1] = window[r][2];
                    window[r][2] = lines[(row + r + 1) % 3][col];
                }
                if (row >= 2 && col >= 2)
                {
                    int sum = 0;
                    for (int r = 0; r < 3; r++)
                    {
                        Hls.Unroll();
                        sum += window[r][0] + window[r][1] + window[r][2];
                    }
                    filtered[row - 1, col - 1] = (short)(sum / 9);
                }
                bool border = row == 0 || row == height - 1 || col == 0 || col == width - 1;
                if (border) filtered[row, col] = image[row, col];
            }
        }
    }

    /// <summary>Image row `row` into the line buffer's slot row % 3, the oldest of the three.</summary>
    void LoadRow(short[,] image, short[][] lines, int row)
    {
        for (int col = 0; col < width; col++)
        {
            Hls.Pipeline(1);
            lines[row % 3][col] = image[row, col];
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var image = new short[height, width];
        for (int r = 0; r < height; r++)
            for (int c = 0; c < width; c++)
                image[r, c] = (short)s.Random.Next(0, 4096);
        s.Array("image", image).Array("filtered", new short[height, width]);
    }
}
