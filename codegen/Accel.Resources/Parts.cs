namespace Accel.Resources;

/// <summary>The parts of the supported boards. Capacities from AMD's device tables: an UltraScale+ CLB has 8 LUTs
/// and 16 flip-flops, and each 36 Kbit block RAM is two 18 Kbit ones (BRAM_18K, as Vitis HLS counts). The U55C
/// and U280 carry the same die (xcu55c, xcu280: the XCVU37P fabric with HBM).</summary>
public static partial class Parts
{
    public static readonly Part Zcu102 = new("xczu9eg", "xczu9eg-ffvb1156-2-e",
        new ResourceVector(Dsp: 2520, Bram18K: 2 * 912, Uram: 0, Lut: 274_080, Ff: 548_160), ["xczu9eg", "zcu102", "zu9eg"]);

    public static readonly Part U55c = new("xcu55c", "xcu55c-fsvh2892-2L-e",
        new ResourceVector(Dsp: 9024, Bram18K: 2 * 2016, Uram: 960, Lut: 1_303_680, Ff: 2_607_360), ["xcu55c", "u55c"]);

    public static readonly Part U280 = new("xcu280", "xcu280-fsvh2892-2L-e",
        new ResourceVector(Dsp: 9024, Bram18K: 2 * 2016, Uram: 960, Lut: 1_303_680, Ff: 2_607_360), ["xcu280", "u280"]);

    public static readonly IReadOnlyList<Part> All = [Zcu102, U55c, U280];

    /// <summary>A part by board, card or part name ("zcu102", "u55c", "xcu280"), or by the full device name
    /// ("xczu9eg-ffvb1156-2-e"); case does not matter.</summary>
    public static Part Find(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        return All.FirstOrDefault(p => p.Names.Contains(key) || key.StartsWith(p.Name + "-", StringComparison.Ordinal))
            ?? throw new KeyNotFoundException($"no part '{name}'; parts: {string.Join(", ", All.SelectMany(p => p.Names))}");
    }
}
