namespace Accel.Runtime.Xclbin;

/// <summary>
/// Byte offsets and sizes of the axlf container and the metadata sections, from the structs in
/// xrt/xclbin.h (little-endian, C alignment). One table so the reader and the writer cannot disagree.
/// </summary>
internal static class AxlfLayout
{
    public static ReadOnlySpan<byte> Magic => "xclbin2\0"u8;

    // struct axlf
    public const int SignatureLength = 8;        // int32, -1 when unsigned
    public const int Reserved = 12;              // 28 bytes of 0xFF
    public const int ReservedSize = 28;
    public const int KeyBlock = 40;              // 256 bytes
    public const int KeyBlockSize = 256;
    // m_uniqueId (uint64) at 296 is left 0.

    // struct axlf_header, inline at 304
    public const int Length = 304;               // uint64, total file size
    public const int TimeStamp = 312;            // uint64
    public const int VersionPatch = 328;         // uint16
    public const int VersionMajor = 330;         // uint8
    public const int VersionMinor = 331;         // uint8
    public const int Mode = 332;                 // uint16
    // m_featureRomTimeStamp at 320, m_actionMask at 334 and rom_uuid at 336 stay 0: no platform binding.
    public const int PlatformVbnv = 352;         // char[64]
    public const int PlatformVbnvSize = 64;
    public const int Uuid = 416;                 // 16 bytes
    // m_debug_bin (char[16]) at 432 stays empty.
    public const int NumSections = 448;          // uint32
    public const int SectionTable = 456;         // first axlf_section_header

    /// <summary>XCLBIN_MAX_NUM_SECTION: XRT refuses more section headers than this.</summary>
    public const uint MaxSections = 0x10000;

    // struct axlf_section_header (40 bytes)
    public const int SectionHeaderSize = 40;
    public const int SectionKindOffset = 0;      // uint32
    public const int SectionNameOffset = 4;      // char[16]
    public const int SectionNameSize = 16;
    public const int SectionOffsetOffset = 24;   // uint64
    public const int SectionSizeOffset = 32;     // uint64

    /// <summary>The writer starts every section on an 8-byte boundary, as xclbinutil does.</summary>
    public const int SectionAlignment = 8;

    // struct mem_topology: int32 count, 4 bytes padding, mem_data[count] (40 bytes each)
    public const int MemTopologyEntries = 8;
    public const int MemDataSize = 40;
    public const int MemDataType = 0;            // uint8
    public const int MemDataUsed = 1;            // uint8
    public const int MemDataSizeKiB = 8;         // uint64
    public const int MemDataBaseAddress = 16;    // uint64
    public const int MemDataTag = 24;            // char[16]
    public const int MemDataTagSize = 16;

    // struct connectivity: int32 count, connection[count] (3 x int32)
    public const int ConnectivityEntries = 4;
    public const int ConnectionSize = 12;

    // struct ip_layout: int32 count, 4 bytes padding, ip_data[count] (80 bytes each)
    public const int IpLayoutEntries = 8;
    public const int IpDataSize = 80;
    public const int IpDataType = 0;             // uint32
    public const int IpDataProperties = 4;       // uint32
    public const int IpDataBaseAddress = 8;      // uint64
    public const int IpDataName = 16;            // char[64]
    public const int IpDataNameSize = 64;

    // struct clock_freq_topology: int16 count, clock_freq[count] (136 bytes each)
    public const int ClockTopologyEntries = 2;
    public const int ClockFreqSize = 136;
    public const int ClockFreqMhz = 0;           // uint16
    public const int ClockFreqType = 2;          // uint8
    public const int ClockFreqName = 8;          // char[128]
    public const int ClockFreqNameSize = 128;

    /// <summary>Metadata sections larger than this are refused rather than read into memory.</summary>
    public const ulong MaxMetadataSectionSize = 64 * 1024 * 1024;
}
