using Accel.Hw;

namespace Cases;

// Every jagged form in the subset: each is a 2-D array `T x[R][C]` in the C++, indexed x[r][c].
[Kernel("case_kernel")]
public sealed class Case(int rows = 4, int cols = 6)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] input, [MAxi("gmem1", "HBM[1]")] long[] output)
    {
        int[][] grid = new int[rows][];
        for (int r = 0; r < rows; r++) grid[r] = new int[cols];
        Hls.ArrayPartition(grid, PartitionKind.Cyclic, 2, 2);
        var byLength = new short[3][];
        for (int r = 0; r < byLength.Length; ++r)
        {
            byLength[r] = new short[cols];
        }
        long[][] listed = [new long[2], new long[2]];
        byte[][] initialized = new byte[2][] { new byte[cols + 1], new byte[cols + 1] };
        Hls.ArrayPartition(initialized, PartitionKind.Complete, 0, 1);

        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                Hls.Pipeline(1);
                grid[r][c] = input[r * cols + c];
            }
        Scale(grid, 3);
        for (int c = 0; c < cols; c++)
        {
            byLength[c % 3][c] += (short)grid[1][c];
            initialized[c % 2][c + 1]++;
            listed[c % 2][c % 2] += grid[rows - 1][c] + byLength[c % 3][c] + initialized[1][c];
        }
        output[0] = listed[0][0] + listed[0][1];
        output[1] = listed[1][0] + listed[1][1];
    }

    /// <summary>A jagged parameter takes the shape its calls pass: int32_t grid[4][6].</summary>
    static void Scale(int[][] grid, int factor)
    {
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 6; c++)
                grid[r][c] *= factor;
    }

    [Stimulus]
    public void Stimulus(Stimulus s) => s.Array("input", Stimuli.UniformFixed(s.Random, rows * cols, -1000, 1000, 0)).Output<long>("output", 2);
}
