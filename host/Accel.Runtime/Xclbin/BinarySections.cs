using static Accel.Runtime.Xclbin.AxlfLayout;

namespace Accel.Runtime.Xclbin;

/// <summary>One CONNECTIVITY entry as stored: indices still to be checked against the other sections.</summary>
internal readonly record struct RawConnection(int Entry, int ArgumentIndex, int IpIndex, int BankIndex);

/// <summary>One IP_LAYOUT entry as stored.</summary>
internal readonly record struct RawIp(string Name, IpType Type, uint Properties, ulong BaseAddress);

/// <summary>Decoders for the fixed-layout metadata sections (MEM_TOPOLOGY, CONNECTIVITY, IP_LAYOUT, CLOCK_FREQ_TOPOLOGY).</summary>
internal static class BinarySections
{
    public static List<MemoryBank> ReadMemTopology(SectionView s) =>
        Entries(s, s.Length >= 4 ? s.I32(0) : 0, MemTopologyEntries, MemDataSize, (i, at) => new MemoryBank(
            Tag: s.FixedString(at + MemDataTag, MemDataTagSize, $"m_mem_data[{i}].m_tag"),
            Type: (MemoryType)s.U8(at + MemDataType),
            Used: s.U8(at + MemDataUsed) != 0,
            BaseAddress: s.U64(at + MemDataBaseAddress),
            SizeKiB: s.U64(at + MemDataSizeKiB)));

    public static List<RawConnection> ReadConnectivity(SectionView s) =>
        Entries(s, s.Length >= 4 ? s.I32(0) : 0, ConnectivityEntries, ConnectionSize,
            (i, at) => new RawConnection(i, s.I32(at), s.I32(at + 4), s.I32(at + 8)));

    public static List<RawIp> ReadIpLayout(SectionView s) =>
        Entries(s, s.Length >= 4 ? s.I32(0) : 0, IpLayoutEntries, IpDataSize, (i, at) => new RawIp(
            Name: s.FixedString(at + IpDataName, IpDataNameSize, $"m_ip_data[{i}].m_name"),
            Type: (IpType)s.U32(at + IpDataType),
            Properties: s.U32(at + IpDataProperties),
            BaseAddress: s.U64(at + IpDataBaseAddress)));

    public static List<ClockFrequency> ReadClockTopology(SectionView s) =>
        Entries(s, s.Length >= 2 ? s.I16(0) : 0, ClockTopologyEntries, ClockFreqSize, (i, at) => new ClockFrequency(
            Name: s.FixedString(at + ClockFreqName, ClockFreqNameSize, $"m_clock_freq[{i}].m_name"),
            Type: (ClockType)s.U8(at + ClockFreqType),
            FrequencyMhz: s.U16(at + ClockFreqMhz)));

    /// <summary>The count field's entries, each decoded at its offset, after the count is checked against the
    /// section's length (so every field read stays inside it).</summary>
    private static List<T> Entries<T>(SectionView s, long count, int firstEntry, int entrySize, Func<int, int, T> read)
    {
        int checkedCount = s.CheckCount(count, firstEntry, entrySize, "m_count");
        var entries = new List<T>(checkedCount);
        for (var i = 0; i < checkedCount; i++) entries.Add(read(i, firstEntry + i * entrySize));
        return entries;
    }
}
