using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>The unified linear unit: y = W x + b for a block of rows, W (outDim x inDim, row-major) read from
/// off-chip once per call in tiles of tileOut rows that are double-buffered on chip (tile t+1 is fetched while
/// tile t computes, in the same pipelined loop), and a tileOut x tileIn block of multiply-accumulates per cycle:
/// a tile takes rows x ceil(inDim / tileIn) cycles. The output stage optionally
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
        int steps = (inDim + tileIn - 1) / tileIn;   // multiply-accumulate steps per row
        int loadSteps = tileOut * steps;              // a tile arrives tileIn weights per cycle
        // Round `tile` fetches tile `tile` into one bank while the other bank's tile computes: one pipelined loop
        // does both, so a round takes max(fetch, compute) cycles, and only the first fetch is not hidden.
        for (int tile = 0; tile <= tiles; tile++)
        {
            Hls.LoopTripCount(1, 257);
            bool loading = tile < tiles, computing = tile > 0;
            int loadBank = tile & 1, computeBank = 1 - loadBank;
            int loadWork = loading ? loadSteps : 0, computeWork = computing ? rows * steps : 0;
            int rowsLeft = outDim - tile * tileOut, first = (tile - 1) * tileOut;
            int loadRow = 0, loadColumn = 0, row = 0, column = 0;
            for (int c = 0; c < (loadWork > computeWork ? loadWork : computeWork); c++)
            {
                Hls.Pipeline(1);
                Hls.LoopTripCount(1, 1 << 20);
                // An output element is read and written once per row of a tile pass: never again within the
                // pipeline's depth, whatever row indices the caller passes.
                Hls.Dependence(y, carried: false);
                if (c < loadWork)
                {
                    if (c == 0) LoadBias(bias, biasBase + tile * tileOut, rowsLeft, tileOut, biasTiles, loadBank * tileOut);
                    LoadWeights(w, wBase + tile * bank + loadRow * inDim + loadColumn, loadRow < rowsLeft, inDim - loadColumn, tileIn,
                        tileOut, weightTiles, loadBank * bank + loadColumn * tileOut + loadRow);
                    bool rowDone = loadColumn + tileIn >= inDim;
                    loadRow = rowDone ? loadRow + 1 : loadRow;
                    loadColumn = rowDone ? 0 : loadColumn + tileIn;
                }
                if (c < computeWork)
                {
                    MacStep(x, xBase + row * inDim, column, inDim, weightTiles, computeBank * bank, tileIn, tileOut, acc);
                    if (column + tileIn >= inDim)
                    {
                        int yRow = indexed ? rowIndex[indexBase + row] : yRow0 + row;
                        long score = scoreWeighted ? scores[indexBase + row] : 0; // once per row, not once per output
                        for (int o = 0; o < tileOut; o++)
                        {
                            Hls.Unroll();
                            if (first + o < outDim)
                            {
                                int at = yRow * yStride + yColumn + first + o;
                                long value = Fx.Saturate(Fx.RoundShift(acc[o], weightFrac) + biasTiles[computeBank * tileOut + o], 32);
                                if (gelu) value = FixedGelu.Apply(value, actFrac, geluTableFrac, geluTable);
                                if (scoreWeighted) value = Fx.RoundShift(value * score, actFrac);
                                if (accumulate) value += y[at];
                                y[at] = (int)Fx.Saturate(value, 32);
                            }
                        }
                        row++;
                        column = 0;
                    }
                    else column += tileIn;
                }
            }
        }
    }

    /// <summary>One cycle of a tile fetch: up to tileIn weights of one row (zero for rows past the end of the
    /// matrix). On chip a tile is input-major (weight (o, i) at i * tileOut + o), so a cyclic partition by
    /// tileIn x tileOut gives each multiplier its own bank.</summary>
    static void LoadWeights(short[] w, int from, bool rowValid, int valid, int tileIn, int tileOut, short[] weightTiles, int to)
    {
        for (int i = 0; i < tileIn; i++)
        {
            Hls.Unroll();
            if (i < valid) weightTiles[to + i * tileOut] = rowValid ? w[from + i] : (short)0;
        }
    }

    /// <summary>Copies the bias of up to tileOut outputs (zero past the end) on chip.</summary>
    static void LoadBias(int[] bias, int from, int rowsLeft, int tileOut, int[] biasTiles, int to)
    {
        for (int o = 0; o < tileOut; o++)
        {
            Hls.Unroll();
            biasTiles[to + o] = o < rowsLeft ? bias[from + o] : 0;
        }
    }

    /// <summary>acc[o] (+)= sum over tileIn inputs from `column` of x[i] w[o][i]: tileOut x tileIn products, one
    /// cycle; a row's first step starts the sums afresh. Each input's value and weight address are formed once and
    /// shared by the tileOut products that use it (then added in input order, as the sums are exact either way).</summary>
    static void MacStep(int[] x, int xRow, int column, int inDim, short[] weightTiles, int tileBase, int tileIn, int tileOut, long[] acc)
    {
        for (int o = 0; o < tileOut; o++)
        {
            Hls.Unroll();
            if (column == 0) acc[o] = 0;
        }
        for (int i = 0; i < tileIn; i++)
        {
            Hls.Unroll();
            int at = column + i;
            if (at < inDim)
            {
                long xv = x[xRow + at];
                int wAt = tileBase + at * tileOut;
                for (int o = 0; o < tileOut; o++)
                {
                    Hls.Unroll();
                    acc[o] += xv * weightTiles[wAt + o];
                }
            }
        }
    }
}
