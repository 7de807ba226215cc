namespace Accel.Runtime.Xclbin;

/// <summary>What the reader found in an xclbin: the container's header and section table, and the design.</summary>
/// <param name="Source">File path (or the name given for a stream); every error message names it.</param>
/// <param name="OtherIps">IP_LAYOUT entries that are not kernel compute units (memory controllers and the like).</param>
public sealed record XclbinFile(
    string Source,
    XclbinHeader Header,
    ValueList<SectionEntry> Sections,
    XclbinDesign Design,
    ValueList<IpEntry> OtherIps);

/// <summary>Fields of struct axlf_header (and the signature length before it) that describe the file.</summary>
/// <param name="Version">Version of the tool that wrote the file (major.minor.patch).</param>
/// <param name="TimeStamp">Seconds since the epoch at creation; Accel's writer stores 0 so output is reproducible.</param>
public sealed record XclbinHeader(ulong Length, ulong TimeStamp, Version Version, XclbinMode Mode, int SignatureLength);

/// <summary>One axlf_section_header.</summary>
public sealed record SectionEntry(SectionKind Kind, string Name, ulong Offset, ulong Size);

/// <summary>An IP_LAYOUT entry (struct ip_data) that is not a kernel compute unit.</summary>
public sealed record IpEntry(string Name, IpType Type, ulong BaseAddress, uint Properties);
