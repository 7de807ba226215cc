namespace Accel.Runtime.Xclbin;

/// <summary>
/// Joins the decoded metadata sections into an <see cref="XclbinDesign"/>: kernels from the XML, their
/// compute units from IP_LAYOUT ("kernel:instance" names), and each unit's argument-to-bank links from
/// CONNECTIVITY. Every cross-section index is checked here, since XRT itself trusts them.
/// </summary>
internal sealed class DesignAssembler(
    string fileName, List<SectionEntry> sections, Dictionary<SectionKind, SectionView> metadata)
{
    public XclbinDesign Assemble(Guid uuid, string platformVbnv, out List<IpEntry> otherIps)
    {
        var banks = metadata.TryGetValue(SectionKind.MemTopology, out var mem) ? BinarySections.ReadMemTopology(mem) : [];
        var clocks = metadata.TryGetValue(SectionKind.ClockFreqTopology, out var clk) ? BinarySections.ReadClockTopology(clk) : [];
        var ips = metadata.TryGetValue(SectionKind.IpLayout, out var ipView) ? BinarySections.ReadIpLayout(ipView) : [];
        var connections = metadata.TryGetValue(SectionKind.Connectivity, out var conn) ? BinarySections.ReadConnectivity(conn) : [];
        var (projectName, xmlKernels) = metadata.TryGetValue(SectionKind.EmbeddedMetadata, out var xml)
            ? new KernelXmlReader(fileName, Location(SectionKind.EmbeddedMetadata)).Read(xml.Bytes(0, xml.Length))
            : ("", []);

        otherIps = ips.Where(ip => ip.Type != IpType.Kernel)
            .Select(ip => new IpEntry(ip.Name, ip.Type, ip.BaseAddress, ip.Properties)).ToList();
        var unitsByIp = BindComputeUnits(ips, xmlKernels);
        var links = BindConnections(connections, ips, unitsByIp, xmlKernels, banks.Count);

        var kernels = xmlKernels.Select(k => new XclbinKernel(
            k.Name,
            k.Ports.ToValueList(),
            k.Arguments.ToValueList(),
            unitsByIp.Where(u => u.Value.Kernel == k.Name).OrderBy(u => u.Key)
                .Select(u => ToComputeUnit(ips[u.Key], u.Value.Instance, links.GetValueOrDefault(u.Key) ?? []))
                .ToValueList()));
        return new XclbinDesign(projectName, uuid, platformVbnv, banks.ToValueList(), kernels.ToValueList(), clocks.ToValueList());
    }

    /// <summary>Maps IP_LAYOUT index to (kernel, instance) for every kernel entry.</summary>
    private SortedDictionary<int, (string Kernel, string Instance)> BindComputeUnits(List<RawIp> ips, List<XmlKernel> kernels)
    {
        var units = new SortedDictionary<int, (string, string)>();
        for (var i = 0; i < ips.Count; i++)
        {
            if (ips[i].Type != IpType.Kernel)
                continue;
            var field = $"m_ip_data[{i}].m_name";
            var colon = ips[i].Name.IndexOf(':');
            if (colon <= 0 || colon == ips[i].Name.Length - 1)
                throw Fail(SectionKind.IpLayout, field, $"expected a compute unit name 'kernel:instance'; found '{ips[i].Name}'");
            var kernel = ips[i].Name[..colon];
            if (kernels.All(k => k.Name != kernel))
                throw Fail(SectionKind.IpLayout, field,
                    $"compute unit '{ips[i].Name}' belongs to kernel '{kernel}', which EMBEDDED_METADATA does not describe" +
                    (kernels.Count == 0 ? " (no kernels described)" : $" (described: {string.Join(", ", kernels.Select(k => k.Name))})"));
            units[i] = (kernel, ips[i].Name[(colon + 1)..]);
        }
        return units;
    }

    private Dictionary<int, List<ArgumentConnection>> BindConnections(
        List<RawConnection> connections, List<RawIp> ips,
        SortedDictionary<int, (string Kernel, string Instance)> units, List<XmlKernel> kernels, int bankCount)
    {
        var links = new Dictionary<int, List<ArgumentConnection>>();
        foreach (var c in connections)
        {
            var entry = $"m_connection[{c.Entry}]";
            if (c.IpIndex < 0 || c.IpIndex >= ips.Count)
                throw Fail(SectionKind.Connectivity, $"{entry}.m_ip_layout_index",
                    $"expected an IP_LAYOUT index 0..{ips.Count - 1}; found {c.IpIndex}");
            if (!units.TryGetValue(c.IpIndex, out var unit))
                throw Fail(SectionKind.Connectivity, $"{entry}.m_ip_layout_index",
                    $"expected a kernel compute unit; IP_LAYOUT entry {c.IpIndex} ('{ips[c.IpIndex].Name}') is of type {ips[c.IpIndex].Type}");
            if (c.BankIndex < 0 || c.BankIndex >= bankCount)
                throw Fail(SectionKind.Connectivity, $"{entry}.mem_data_index",
                    $"expected a MEM_TOPOLOGY index 0..{bankCount - 1}; found {c.BankIndex}");
            var argumentCount = kernels.First(k => k.Name == unit.Kernel).Arguments.Count;
            if (c.ArgumentIndex < 0 || c.ArgumentIndex >= argumentCount)
                throw Fail(SectionKind.Connectivity, $"{entry}.arg_index",
                    $"kernel '{unit.Kernel}' has arguments 0..{argumentCount - 1}; found {c.ArgumentIndex}");
            if (!links.TryGetValue(c.IpIndex, out var list))
                links[c.IpIndex] = list = [];
            list.Add(new ArgumentConnection(c.ArgumentIndex, c.BankIndex));
        }
        return links;
    }

    private static ComputeUnit ToComputeUnit(RawIp ip, string instance, List<ArgumentConnection> connections) =>
        new(instance, ip.BaseAddress, ip.Properties, connections.ToValueList());

    private string Location(SectionKind kind) => $"section {sections.FindIndex(s => s.Kind == kind)} ({kind})";

    private XclbinFormatException Fail(SectionKind kind, string field, string problem) =>
        new(fileName, $"{Location(kind)} {field}", problem);
}
