using System.Text.RegularExpressions;
using Accel.Codegen.Backends.Hls;

namespace Accel.Emulation.Kernels;

/// <summary>Which memory channel a port's bank is on, per board. Ports that name the same bank share its
/// channel (and its bandwidth). On the ZCU102 every port reaches the one PS DDR4 channel through the PS slave
/// port its bundle is assigned to (<see cref="PsPortMap"/>, as link.cfg connects it): 128 bits per cycle per
/// direction, shared by the bundles on that port.</summary>
public static partial class MemoryMapping
{
    public static readonly IReadOnlyList<string> Boards = ["u55c", "u280", "zcu102"];

    public static MemoryChannelSpec ChannelFor(string bank, string board)
    {
        if (board == "zcu102") return MemoryPresets.Zcu102PsDdr4(); // whatever the bank, the PS DDR4 behind the HP ports
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

    /// <summary>The shared data path of each port (the index of its PS slave port on the ZCU102; -1, its own, elsewhere).</summary>
    public static int[] DataPaths(IReadOnlyList<string> bundles, string board)
    {
        if (board != "zcu102") return [.. bundles.Select(_ => -1)];
        var assigned = PsPortMap.Assign(bundles);
        return [.. bundles.Select(b => PsPortMap.Zcu102Ports.ToList().IndexOf(assigned[b]))];
    }

    /// <summary>The port's data width and burst length as the memory sees them: on the ZCU102 a bundle wider than
    /// the 128-bit PS port is split by the width converter into narrower beats (a burst keeps its bytes).</summary>
    public static (int WidthBits, int MaxBurstBeats) PortShape(int widthBits, int maxBurst, string board)
    {
        if (board != "zcu102" || widthBits <= PsPortMap.PortWidthBits) return (widthBits, maxBurst);
        return (PsPortMap.PortWidthBits, Math.Min(256, maxBurst * (widthBits / PsPortMap.PortWidthBits)));
    }

    [GeneratedRegex(@"^(HBM|DDR|HOST)\[(\d+)\]$")]
    private static partial Regex BankPattern();
}
