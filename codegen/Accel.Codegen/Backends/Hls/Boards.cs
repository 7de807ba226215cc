namespace Accel.Codegen.Backends.Hls;

/// <summary>A target board: the platform v++ links against, the part HLS synthesises for, whether link.cfg maps
/// ports to memory banks (Alveo) or to the PS slave ports that reach the PS DDR (<see cref="PsPortMap"/>), and whether the host program runs
/// on the board's own Arm cores (embedded: cross-compiled, packaged on an SD card) rather than a PCIe host.</summary>
public sealed record Board(string Name, string Platform, string Part, bool MapsBanks, bool Embedded = false)
{
    // Facts from ARCHITECTURE.md ("Boards and XRT facts").
    public static readonly IReadOnlyList<Board> All =
    [
        new("u55c", "xilinx_u55c_gen3x16_xdma_3_202210_1", "xcu55c-fsvh2892-2L-e", true),
        new("u280", "xilinx_u280_gen3x16_xdma_1_202211_1", "xcu280-fsvh2892-2L-e", true),
        new("zcu102", "xilinx_zcu102_base_202220_1", "xczu9eg-ffvb1156-2-e", false, Embedded: true),
    ];

    /// <summary>Whether a port may be bound to <paramref name="bank"/> on this board: Alveo cards have 32 HBM
    /// pseudo-channels (the U280 also two DDR4 banks) and host memory; on ZCU102 every port reaches the PS DDR,
    /// whatever bank it names.</summary>
    public bool HasBank(string bank)
    {
        if (!MapsBanks) return true;
        var match = System.Text.RegularExpressions.Regex.Match(bank, @"^(HBM|DDR|HOST)\[(\d{1,3})\]$");
        if (!match.Success) return false;
        int index = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups[1].Value switch
        {
            "HBM" => index < 32,
            "DDR" => Name == "u280" && index < 2,
            _ => index == 0,
        };
    }

    public static Board Find(string name) =>
        All.FirstOrDefault(b => b.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new Frontend.KernelParameterException($"unknown board '{name}'; boards: {string.Join(", ", All.Select(b => b.Name))}");
}
