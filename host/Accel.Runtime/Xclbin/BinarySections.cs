using static Accel.Runtime.Xclbin.AxlfLayout;

namespace Accel.Runtime.Xclbin;

/// <summary>One CONNECTIVITY entry as stored: indices still to be checked against the other sections.</summary>
internal readonly record struct RawConnection(int Entry, int ArgumentIndex, int IpIndex, int BankIndex);

/// <summary>One IP_LAYOUT entry as stored.</summary>
internal readonly record struct RawIp(string Name, IpType Type, uint Properties, ulong BaseAddress);

/// <summary>Decoders for the fixed-layout metadata sections (MEM_TOPOLOGY, CONNECTIVITY, IP_LAYOUT, CLOCK_FREQ_TOPOLOGY).</summary>
internal static class BinarySections
{
    public static List<MemoryBank> ReadMemTopology(SectionView s)
    {
        var count = s.CheckCount(s.Length >= 4 ? s.I32(0) : 0, MemTopologyEntries, MemDataSize, "m_count");
        var banks = new List<MemoryBank>(count);
        for (var i = 0; i < count; i++)
        {
            var at = MemTopologyEntries + i * MemDataSize;
            banks.Add(new MemoryBank(
                Tag: s.FixedString(at + MemDataTag, MemDataTagSize, $"m_mem_data[{i}].m_tag"),
                Type: (MemoryType)s.U8(at + MemDataType),
                Used: s.U8(at + MemDataUsed) != 0,
                BaseAddress: s.U64(at + MemDataBaseAddress),
                SizeKiB: s.U64(at + MemDataSizeKiB)));
        }
        return banks;
    }

    public static List<RawConnection> ReadConnectivity(SectionView s)
    {
        var count = s.CheckCount(s.Length >= 4 ? s.I32(0) : 0, ConnectivityEntries, ConnectionSize, "m_count");
        var connections = new List<RawConnection>(count);
        for (var i = 0; i < count; i++)
        {
            var at = ConnectivityEntries + i * ConnectionSize;
            connections.Add(new RawConnection(i, s.I32(at), s.I32(at + 4), s.I32(at + 8)));
        }
        return connections;
    }

    public static List<RawIp> ReadIpLayout(SectionView s)
    {
        var count = s.CheckCount(s.Length >= 4 ? s.I32(0) : 0, IpLayoutEntries, IpDataSize, "m_count");
        var ips = new List<RawIp>(count);
        for (var i = 0; i < count; i++)
        {
            var at = IpLayoutEntries + i * IpDataSize;
            ips.Add(new RawIp(
                Name: s.FixedString(at + IpDataName, IpDataNameSize, $"m_ip_data[{i}].m_name"),
                Type: (IpType)s.U32(at + IpDataType),
                Properties: s.U32(at + IpDataProperties),
                BaseAddress: s.U64(at + IpDataBaseAddress)));
        }
        return ips;
    }

    public static List<ClockFrequency> ReadClockTopology(SectionView s)
    {
        var count = s.CheckCount(s.Length >= 2 ? s.I16(0) : 0, ClockTopologyEntries, ClockFreqSize, "m_count");
        var clocks = new List<ClockFrequency>(count);
        for (var i = 0; i < count; i++)
        {
            var at = ClockTopologyEntries + i * ClockFreqSize;
            clocks.Add(new ClockFrequency(
                Name: s.FixedString(at + ClockFreqName, ClockFreqNameSize, $"m_clock_freq[{i}].m_name"),
                Type: (ClockType)s.U8(at + ClockFreqType),
                FrequencyMhz: s.U16(at + ClockFreqMhz)));
        }
        return clocks;
    }
}
