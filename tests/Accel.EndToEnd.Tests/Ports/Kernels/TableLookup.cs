using Accel.Hw;

namespace PortedKernels;

/// <summary>A piecewise function by table lookup in the style of the HLS guides' ROM examples: eight lanes a cycle
/// each look up a 256-entry table, which a cyclic partition by `banks` splits so the lanes need fewer copies of it
/// (1: no partition).</summary>
[Kernel("table_lookup")]
public sealed class TableLookup([Range(8, 4096)] int size = 256, [Range(1, 256)] int banks = 1)
{
    [LookupTable] readonly int[] curve = Enumerable.Range(0, 256).Select(i => i * i - 3 * i).ToArray();

    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] byte[] x, [MAxi("gmem1", "HBM[1]")] int[] y)
    {
        Hls.ArrayPartition(curve, PartitionKind.Cyclic, banks);
        for (int i = 0; i + 8 <= size; i += 8)
        {
            Hls.Pipeline(1);
            for (int j = 0; j < 8; j++)
            {
                Hls.Unroll();
                y[i + j] = curve[x[i + j]];
            }
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s) =>
        s.Array("x", Enumerable.Range(0, size).Select(_ => (byte)s.Random.Next(0, 256)).ToArray()).Output<int>("y", size);
}
