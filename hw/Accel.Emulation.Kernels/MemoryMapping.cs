using System.Text.RegularExpressions;

namespace Accel.Emulation.Kernels;

/// <summary>Which memory channel a port's bank is on, per board. Ports that name the same bank share its
/// channel (and its bandwidth).</summary>
public static partial class MemoryMapping
{
    public static readonly IReadOnlyList<string> Boards = ["u55c", "u280", "zcu102"];

    public static MemoryChannelSpec ChannelFor(string bank, string board)
    {
        if (board == "zcu102") return MemoryPresets.Zcu102PsDdr4(); // every port reaches PS DDR through the HP ports
        var match = BankPattern().Match(bank);
        if (!match.Success)
            throw new ArgumentException($"bank '{bank}' is not of the form HBM[k], DDR[k] or HOST[k]");
        return match.Groups[1].Value switch
        {
            "HBM" when int.Parse(match.Groups[2].Value) < 32 => MemoryPresets.U55cHbmPseudoChannel(bank),
            "DDR" when board == "u280" => MemoryPresets.AlveoDdr4(bank),
            "HOST" => MemoryPresets.PcieGen3x16Host(bank),
            _ => throw new ArgumentException($"bank '{bank}' does not exist on {board} (HBM[0..31]{(board == "u280" ? ", DDR[0..1]" : "")}, HOST[0])"),
        };
    }

    [GeneratedRegex(@"^(HBM|DDR|HOST)\[(\d+)\]$")]
    private static partial Regex BankPattern();
}
