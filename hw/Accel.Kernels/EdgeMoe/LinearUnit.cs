using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>The unified linear unit: y = W x + b for a block of rows, W (outDim x inDim, row-major) read from
/// off-chip once per call in tiles of tileOut rows that are double-buffered on chip (tile t+1 is fetched while
/// tile t computes), and a tileOut x tileIn block of multiply-accumulates per cycle. The output stage optionally
/// applies GELU, scales by a per-row score and adds into what y holds (a residual, or other experts' results).
/// Activations have actFrac fraction bits, weights weightFrac; sums are exact in 64 bits.</summary>
[KernelLibrary]
public static class LinearUnit
{
    /// <summary>Rows r &lt; rows of x (stride inDim, from xBase) times the weights at wBase. Output row r goes to
    /// y[(indexed ? rowIndex[indexBase + r] : yRow0 + r) * yStride + yColumn + o]; its score is
    /// scores[indexBase + r]. weightTiles holds 2 * tileOut * inDim, biasTiles 2 * tileOut, acc tileOut: the bias of a
    /// tile comes on chip with its weights, so each bias word crosses the bus once per call.</summary>
    public static void Run(int[] x, int xBase, int rows, int inDim, int outDim,
        short[] w, int wBase, int[] bias, int biasBase,
        int[] y, int yStride, int yColumn, int yRow0, bool indexed, int[] rowIndex, int indexBase,
        bool gelu, bool scoreWeighted, bool accumulate, int[] scores,
        int tileIn, int tileOut, int actFrac, int weightFrac, int geluTableFrac, short[] geluTable,
        short[] weightTiles, int[] biasTiles, long[] acc)
    {
        int tiles = (outDim + tileOut - 1) / tileOut;
        int bank = tileOut * inDim;
        for (int tile = 0; tile <= tiles; tile++)
        {
            Hls.LoopTripCount(1, 64);
            // Ping-pong: in hardware the fetch of tile t and the compute of tile t-1 run side by side.
            if (tile < tiles)
            {
                LoadTile(w, wBase + tile * bank, outDim - tile * tileOut, inDim, tileOut, weightTiles, (tile & 1) * bank);
                LoadBias(bias, biasBase + tile * tileOut, outDim - tile * tileOut, tileOut, biasTiles, (tile & 1) * tileOut);
            }
            if (tile > 0)
            {
                int first = (tile - 1) * tileOut;
                for (int r = 0; r < rows; r++)
                {
                    Hls.LoopTripCount(1, 1024);
                    MacTile(x, xBase + r * inDim, inDim, weightTiles, ((tile - 1) & 1) * bank, tileIn, tileOut, acc);
                    int yRow = indexed ? rowIndex[indexBase + r] : yRow0 + r;
                    for (int o = 0; o < tileOut; o++)
                    {
                        Hls.Pipeline(1);
                        if (first + o < outDim)
                        {
                            int at = yRow * yStride + yColumn + first + o;
                            long value = Fx.Saturate(Fx.RoundShift(acc[o], weightFrac) + biasTiles[((tile - 1) & 1) * tileOut + o], 32);
                            if (gelu) value = FixedGelu.Apply(value, actFrac, geluTableFrac, geluTable);
                            if (scoreWeighted) value = Fx.RoundShift(value * scores[indexBase + r], actFrac);
                            if (accumulate) value += y[at];
                            y[at] = (int)Fx.Saturate(value, 32);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Copies up to tileOut weight rows (fewer at the end of the matrix; the rest are zero) on chip.</summary>
    static void LoadTile(short[] w, int from, int rowsLeft, int inDim, int tileOut, short[] weightTiles, int to)
    {
        for (int o = 0; o < tileOut; o++)
        {
            for (int i = 0; i < inDim; i++)
            {
                Hls.Pipeline(1);
                weightTiles[to + o * inDim + i] = o < rowsLeft ? w[from + o * inDim + i] : (short)0;
            }
        }
    }

    /// <summary>Copies the bias of up to tileOut outputs (zero past the end) on chip.</summary>
    static void LoadBias(int[] bias, int from, int rowsLeft, int tileOut, int[] biasTiles, int to)
    {
        for (int o = 0; o < tileOut; o++)
        {
            Hls.Pipeline(1);
            biasTiles[to + o] = o < rowsLeft ? bias[from + o] : 0;
        }
    }

    /// <summary>acc[o] = sum_i x[i] w[o][i] for one row: tileOut x tileIn products per pipelined cycle.</summary>
    static void MacTile(int[] x, int xBase, int inDim, short[] weightTiles, int tileBase, int tileIn, int tileOut, long[] acc)
    {
        Hls.Inline();
        for (int o = 0; o < tileOut; o++)
        {
            Hls.Unroll();
            acc[o] = 0;
        }
        for (int i0 = 0; i0 < inDim; i0 += tileIn)
        {
            Hls.Pipeline(1);
            for (int o = 0; o < tileOut; o++)
            {
                Hls.Unroll();
                for (int ii = 0; ii < tileIn; ii++)
                {
                    Hls.Unroll();
                    if (i0 + ii < inDim)
                        acc[o] += (long)x[xBase + i0 + ii] * weightTiles[tileBase + o * inDim + i0 + ii];
                }
            }
        }
    }
}
