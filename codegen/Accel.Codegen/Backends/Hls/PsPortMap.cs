namespace Accel.Codegen.Backends.Hls;

/// <summary>
/// How the m_axi bundles of a kernel on an embedded Zynq UltraScale+ board reach the processing system's DDR:
/// each bundle gets a PS slave port of its own while ports last, in the order HP0, HP1, HP2, HP3, HPC0, HPC1
/// (the four non-coherent HP ports first: the HPC ports pass through the cache-coherent interconnect, which
/// a kernel that does not snoop the CPU caches gains nothing from). With more than six bundles the ports are
/// dealt round robin, and bundles on one port share its data path. Every port is 128 bits wide at the kernel
/// clock (the v++ linker inserts a width converter in front of a wider m_axi bundle). The link.cfg of `accel gen`
/// and the emulator's memory model both use this one assignment. The published Edge-MoE design wires its five
/// bundles the same way, one per port (HP0-HP2, HPC0, HPC1; sharc-lab/Edge-MoE, vivado.tcl).
/// </summary>
public static class PsPortMap
{
    /// <summary>The PL-to-PS slave ports of a Zynq UltraScale+ that reach the DDR controller, in assignment order.</summary>
    public static readonly IReadOnlyList<string> Zcu102Ports = ["HP0", "HP1", "HP2", "HP3", "HPC0", "HPC1"];

    /// <summary>Data width of each PS slave port as configured by the ZCU102 base platform.</summary>
    public const int PortWidthBits = 128;

    /// <summary>The port of every bundle, bundles numbered in order of first appearance.</summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<string> bundlesInOrder)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var bundle in bundlesInOrder)
            if (!map.ContainsKey(bundle))
                map[bundle] = Zcu102Ports[map.Count % Zcu102Ports.Count];
        return map;
    }
}
