using Accel.Runtime.Devices;
using static Accel.Runtime.Xclbin.AxlfLayout;

namespace Accel.Runtime.Xclbin;

/// <summary>
/// Reads an xclbin (axlf container): header, section table, and the metadata sections that describe
/// kernels, memory banks, connectivity and clocks. Only those sections are loaded into memory; a
/// bitstream of hundreds of MB is never read. Any malformed input ends in <see cref="XclbinFormatException"/>.
/// </summary>
public static class XclbinReader
{
    private static readonly SectionKind[] MetadataKinds =
        [SectionKind.MemTopology, SectionKind.Connectivity, SectionKind.IpLayout, SectionKind.EmbeddedMetadata, SectionKind.ClockFreqTopology];

    public static XclbinFile Read(string path)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new XclbinFormatException(path, "file", $"cannot be opened: {e.Message}", e);
        }
        using (stream)
            return Read(stream, path);
    }

    /// <summary>Reads from a seekable stream; <paramref name="fileName"/> is used in error messages.</summary>
    public static XclbinFile Read(Stream stream, string fileName)
    {
        if (!stream.CanSeek)
            throw new DeviceArgumentException("the xclbin reader needs a seekable stream", nameof(stream));
        var fileLength = stream.Length;
        var header = ReadHeader(stream, fileName, fileLength);
        var sections = ReadSectionTable(stream, fileName, fileLength, header);
        var metadata = ReadMetadataSections(stream, fileName, sections);
        var design = new DesignAssembler(fileName, sections, metadata).Assemble(
            uuid: header.Uuid(Uuid),
            platformVbnv: header.FixedString(PlatformVbnv, PlatformVbnvSize, "m_platformVBNV"),
            out var otherIps);
        return new XclbinFile(fileName, ReadHeaderFields(header), sections.ToValueList(), design, otherIps.ToValueList());
    }

    private static SectionView ReadHeader(Stream stream, string fileName, long fileLength)
    {
        if (fileLength < SectionTable)
            throw new XclbinFormatException(fileName, "axlf header",
                $"file is {fileLength} bytes; an xclbin starts with a {SectionTable}-byte header (truncated or not an xclbin)");
        var bytes = ReadAt(stream, 0, SectionTable);
        var header = new SectionView(bytes, fileName, "axlf header");
        if (!bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw header.Fail("m_magic", $"expected \"xclbin2\\0\"; found {Printable(bytes.AsSpan(0, Magic.Length))} (not an xclbin, or the legacy xclbin0 format)");
        var declared = header.U64(Length);
        if (declared != (ulong)fileLength)
            throw header.Fail("m_length", $"header says the file is {declared} bytes but it is {fileLength} (truncated or padded file)");
        var count = header.U32(NumSections);
        if (count > MaxSections)
            throw header.Fail("m_numSections", $"expected at most {MaxSections} sections (XCLBIN_MAX_NUM_SECTION); found {count}");
        var tableEnd = SectionTable + (long)count * SectionHeaderSize;
        if (tableEnd > fileLength)
            throw header.Fail("m_numSections", $"{count} section headers need {tableEnd} bytes but the file is {fileLength}");
        return header;
    }

    private static XclbinHeader ReadHeaderFields(SectionView header) => new(
        Length: header.U64(Length),
        TimeStamp: header.U64(TimeStamp),
        Version: new Version(header.U8(VersionMajor), header.U8(VersionMinor), header.U16(VersionPatch)),
        Mode: (XclbinMode)header.U16(Mode),
        SignatureLength: header.I32(SignatureLength));

    private static List<SectionEntry> ReadSectionTable(Stream stream, string fileName, long fileLength, SectionView header)
    {
        var count = (int)header.U32(NumSections);
        var table = new SectionView(ReadAt(stream, SectionTable, count * SectionHeaderSize), fileName, "section table");
        var sections = new List<SectionEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var at = i * SectionHeaderSize;
            var kind = (SectionKind)table.U32(at + SectionKindOffset);
            var entry = new SectionEntry(
                kind,
                // Only displayed, never used by XRT as a C string; tools fill all 16 bytes with long names.
                table.FixedString(at + SectionNameOffset, SectionNameSize, $"entry {i} ({kind}) m_sectionName", mayFillField: true),
                table.U64(at + SectionOffsetOffset),
                table.U64(at + SectionSizeOffset));
            if (entry.Offset > (ulong)fileLength || entry.Size > (ulong)fileLength - entry.Offset)
                throw table.Fail($"entry {i} ({kind}) m_sectionOffset/m_sectionSize",
                    $"bytes {entry.Offset}..{entry.Offset}+{entry.Size} must lie inside the {fileLength}-byte file");
            sections.Add(entry);
        }
        return sections;
    }

    private static Dictionary<SectionKind, SectionView> ReadMetadataSections(
        Stream stream, string fileName, List<SectionEntry> sections)
    {
        var views = new Dictionary<SectionKind, SectionView>();
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            if (!MetadataKinds.Contains(section.Kind))
                continue;
            var location = $"section {i} ({section.Kind})";
            if (views.ContainsKey(section.Kind))
                throw new XclbinFormatException(fileName, location,
                    $"expected one {section.Kind} section; found another (index {sections.FindIndex(s => s.Kind == section.Kind)})");
            if (section.Size > MaxMetadataSectionSize)
                throw new XclbinFormatException(fileName, $"{location} m_sectionSize",
                    $"expected at most {MaxMetadataSectionSize} bytes of metadata; found {section.Size}");
            views[section.Kind] = new SectionView(ReadAt(stream, (long)section.Offset, (int)section.Size), fileName, location);
        }
        return views;
    }

    private static byte[] ReadAt(Stream stream, long offset, int size)
    {
        var bytes = new byte[size];
        stream.Position = offset;
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static string Printable(ReadOnlySpan<byte> bytes) =>
        "\"" + string.Concat(bytes.ToArray().Select(b => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}")) + "\"";
}
