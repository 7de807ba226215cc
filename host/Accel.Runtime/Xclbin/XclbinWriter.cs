using System.Buffers.Binary;
using System.Text;
using static Accel.Runtime.Xclbin.AxlfLayout;

namespace Accel.Runtime.Xclbin;

/// <summary>
/// Packs a design's metadata into an xclbin that XRT loads: EMBEDDED_METADATA, MEM_TOPOLOGY,
/// CONNECTIVITY, IP_LAYOUT and CLOCK_FREQ_TOPOLOGY, with no bitstream (Vitis supplies that for
/// hardware; XRT's noop and emulation flows run without one). The bytes depend only on the design.
/// </summary>
public static class XclbinWriter
{
    /// <summary>Version stamped in the header: the XRT release whose xclbin.h this layout follows.</summary>
    public static readonly Version FormatVersion = new(2, 13, 0);

    public static void WriteFile(XclbinDesign design, string path) => File.WriteAllBytes(path, Write(design));

    public static byte[] Write(XclbinDesign design)
    {
        DesignValidator.Validate(design);
        var sections = new (SectionKind Kind, string Name, byte[] Data)[]
        {
            (SectionKind.EmbeddedMetadata, "embedded_meta", KernelXmlWriter.Write(design)),
            (SectionKind.MemTopology, "mem_topology", MemTopology(design)),
            (SectionKind.Connectivity, "connectivity", Connectivity(design)),
            (SectionKind.IpLayout, "ip_layout", IpLayout(design)),
            (SectionKind.ClockFreqTopology, "clock_freq", ClockTopology(design)),
        };

        var offsets = new long[sections.Length];
        var end = Align(SectionTable + (long)sections.Length * SectionHeaderSize);
        for (var i = 0; i < sections.Length; i++)
        {
            offsets[i] = end;
            end = Align(end + sections[i].Data.Length);
        }
        var file = new byte[end];
        WriteHeader(file, design, sections.Length);
        for (var i = 0; i < sections.Length; i++)
        {
            var at = SectionTable + i * SectionHeaderSize;
            PutU32(file, at + SectionKindOffset, (uint)sections[i].Kind);
            PutText(file, at + SectionNameOffset, SectionNameSize, sections[i].Name);
            PutU64(file, at + SectionOffsetOffset, (ulong)offsets[i]);
            PutU64(file, at + SectionSizeOffset, (ulong)sections[i].Data.Length);
            sections[i].Data.CopyTo(file, offsets[i]);
        }
        return file;
    }

    private static void WriteHeader(byte[] file, XclbinDesign design, int sectionCount)
    {
        Magic.CopyTo(file);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(SignatureLength), -1);   // unsigned
        file.AsSpan(Reserved, ReservedSize).Fill(0xFF);                               // as xclbin.h asks
        file.AsSpan(KeyBlock, KeyBlockSize).Fill(0xFF);
        PutU64(file, Length, (ulong)file.Length);
        PutU64(file, TimeStamp, 0);                                                   // reproducible output
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(VersionPatch), (ushort)FormatVersion.Build);
        file[VersionMajor] = (byte)FormatVersion.Major;
        file[VersionMinor] = (byte)FormatVersion.Minor;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(Mode), (ushort)XclbinMode.Flat);
        PutText(file, PlatformVbnv, PlatformVbnvSize, design.PlatformVbnv);
        design.Uuid.TryWriteBytes(file.AsSpan(Uuid, 16), bigEndian: true, out _);
        PutU32(file, NumSections, (uint)sectionCount);
    }

    private static byte[] MemTopology(XclbinDesign design)
    {
        var data = new byte[MemTopologyEntries + design.MemoryBanks.Count * MemDataSize];
        PutU32(data, 0, (uint)design.MemoryBanks.Count);
        for (var i = 0; i < design.MemoryBanks.Count; i++)
        {
            var bank = design.MemoryBanks[i];
            var at = MemTopologyEntries + i * MemDataSize;
            data[at + MemDataType] = (byte)bank.Type;
            data[at + MemDataUsed] = bank.Used ? (byte)1 : (byte)0;
            PutU64(data, at + MemDataSizeKiB, bank.SizeKiB);
            PutU64(data, at + MemDataBaseAddress, bank.BaseAddress);
            PutText(data, at + MemDataTag, MemDataTagSize, bank.Tag);
        }
        return data;
    }

    /// <summary>IP_LAYOUT holds every compute unit in increasing base-address order; CONNECTIVITY refers to those positions.</summary>
    private static List<(XclbinKernel Kernel, ComputeUnit Unit)> UnitsInLayoutOrder(XclbinDesign design) =>
        design.Kernels.SelectMany(k => k.ComputeUnits.Select(u => (k, u))).OrderBy(x => x.u.BaseAddress).ToList();

    private static byte[] IpLayout(XclbinDesign design)
    {
        var units = UnitsInLayoutOrder(design);
        var data = new byte[IpLayoutEntries + units.Count * IpDataSize];
        PutU32(data, 0, (uint)units.Count);
        for (var i = 0; i < units.Count; i++)
        {
            var at = IpLayoutEntries + i * IpDataSize;
            PutU32(data, at + IpDataType, (uint)IpType.Kernel);
            PutU32(data, at + IpDataProperties, units[i].Unit.Properties);
            PutU64(data, at + IpDataBaseAddress, units[i].Unit.BaseAddress);
            PutText(data, at + IpDataName, IpDataNameSize, $"{units[i].Kernel.Name}:{units[i].Unit.Name}");
        }
        return data;
    }

    private static byte[] Connectivity(XclbinDesign design)
    {
        var links = UnitsInLayoutOrder(design)
            .SelectMany((x, ipIndex) => x.Unit.Connections.Select(c => (c.ArgumentIndex, ipIndex, c.BankIndex)))
            .ToList();
        var data = new byte[ConnectivityEntries + links.Count * ConnectionSize];
        PutU32(data, 0, (uint)links.Count);
        for (var i = 0; i < links.Count; i++)
        {
            var at = ConnectivityEntries + i * ConnectionSize;
            PutU32(data, at, (uint)links[i].ArgumentIndex);
            PutU32(data, at + 4, (uint)links[i].ipIndex);
            PutU32(data, at + 8, (uint)links[i].BankIndex);
        }
        return data;
    }

    private static byte[] ClockTopology(XclbinDesign design)
    {
        var data = new byte[ClockTopologyEntries + design.Clocks.Count * ClockFreqSize];
        BinaryPrimitives.WriteInt16LittleEndian(data, (short)design.Clocks.Count);
        for (var i = 0; i < design.Clocks.Count; i++)
        {
            var at = ClockTopologyEntries + i * ClockFreqSize;
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at + ClockFreqMhz), design.Clocks[i].FrequencyMhz);
            data[at + ClockFreqType] = (byte)design.Clocks[i].Type;
            PutText(data, at + ClockFreqName, ClockFreqNameSize, design.Clocks[i].Name);
        }
        return data;
    }

    private static long Align(long offset) => (offset + SectionAlignment - 1) / SectionAlignment * SectionAlignment;

    private static void PutU32(byte[] data, int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), value);

    private static void PutU64(byte[] data, int at, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(at), value);

    /// <summary>ASCII into a zeroed char[size] field; the validator has checked it leaves room for the NUL.</summary>
    private static void PutText(byte[] data, int at, int size, string text) =>
        Encoding.ASCII.GetBytes(text, data.AsSpan(at, size - 1));
}
