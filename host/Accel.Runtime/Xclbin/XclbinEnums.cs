namespace Accel.Runtime.Xclbin;

// Numeric values are those of xrt/xclbin.h (XRT 2.13); they are written to and read from files as is.

/// <summary>Kind of an axlf section (enum axlf_section_kind).</summary>
public enum SectionKind : uint
{
    Bitstream = 0, ClearingBitstream = 1, EmbeddedMetadata = 2, Firmware = 3, DebugData = 4,
    SchedFirmware = 5, MemTopology = 6, Connectivity = 7, IpLayout = 8, DebugIpLayout = 9,
    DesignCheckPoint = 10, ClockFreqTopology = 11, Mcs = 12, Bmc = 13, BuildMetadata = 14,
    KeyValueMetadata = 15, UserMetadata = 16, DnaCertificate = 17, Pdi = 18, BitstreamPartialPdi = 19,
    PartitionMetadata = 20, EmulationData = 21, SystemMetadata = 22, SoftKernel = 23, AskFlash = 24,
    AieMetadata = 25, AskGroupTopology = 26, AskGroupConnectivity = 27, Smartnic = 28,
    AieResources = 29, Overlay = 30, VenderMetadata = 31,
}

/// <summary>Type of a memory bank (enum MEM_TYPE).</summary>
public enum MemoryType : byte
{
    Ddr3 = 0, Ddr4 = 1, Dram = 2, Streaming = 3, PreallocatedGlobal = 4, Aurora = 5, Hbm = 6,
    Bram = 7, Uram = 8, StreamingConnection = 9, Host = 10, PsKernel = 11,
}

/// <summary>Role of a clock (enum CLOCK_TYPE).</summary>
public enum ClockType : byte { Unused = 0, Data = 1, Kernel = 2, System = 3 }

/// <summary>Type of an IP_LAYOUT entry (enum IP_TYPE).</summary>
public enum IpType : uint
{
    Microblaze = 0, Kernel = 1, Dnasc = 2, Ddr4Controller = 3, MemDdr4 = 4, MemHbm = 5,
    MemHbmEcc = 6, PsKernel = 7,
}

/// <summary>Block-level control protocol of a compute unit (enum IP_CONTROL).</summary>
public enum IpControl : byte
{
    ApCtrlHs = 0, ApCtrlChain = 1, ApCtrlNone = 2, ApCtrlMe = 3, AccelAdapter = 4, FastAdapter = 5,
}

/// <summary>What a kernel argument is, from the XML addressQualifier (XRT's kernel_argument::argtype).</summary>
public enum ArgumentKind
{
    /// <summary>A value written to the control registers.</summary>
    Scalar = 0,
    /// <summary>A pointer to device memory (m_axi): takes a buffer.</summary>
    Global = 1,
    Constant = 2,
    Local = 3,
    /// <summary>An AXI stream connected kernel to kernel; the host does not set it.</summary>
    Stream = 4,
}

/// <summary>How the xclbin is meant to be loaded (enum XCLBIN_MODE).</summary>
public enum XclbinMode : ushort
{
    Flat = 0, PartialReconfiguration = 1, TandemStage2 = 2, TandemStage2WithPr = 3, HwEmu = 4,
    SwEmu = 5, HwEmuPr = 6,
}
