namespace Accel.Codegen.Backends.Hls;

// Plain records the templates render; built from the IR by HlsViewBuilder, never the IR itself.

public sealed record ConstView(string Type, string Name, string Value);

public sealed record TableView(string Type, string Name, int Length, IReadOnlyList<string> Rows);

public sealed record FunctionView(string Comment, string Signature, IReadOnlyList<string> Lines);

public sealed record KernelSourceView(
    string Banner, string Kernel, string Config,
    IReadOnlyList<ConstView> Params, IReadOnlyList<ConstView> Constants, IReadOnlyList<TableView> Tables,
    IReadOnlyList<FunctionView> Functions, FunctionView Top, bool AxisPorts, bool ApArguments, IReadOnlyList<StructView> Structs);

/// <summary>The C++ struct of a port of structs, declared alignas(<paramref name="Bytes"/>) so that its sizeof is the
/// padded element width (<see cref="Ir.AggregateLayout"/>); the header asserts the size and every offset.</summary>
public sealed record StructView(string Name, int NaturalBytes, int Bytes, IReadOnlyList<StructFieldView> Fields);

public sealed record StructFieldView(string Type, string Name, int Offset);

public sealed record ScalarView(string Name);

/// <summary>An array the testbench loads from golden/: a memory port's contents, or an axis stream's words (fed to an
/// input before the call, drained from an output after it). An ap port's or stream's words are containers (<see cref="Ir.ApType.Container"/>)
/// the testbench converts into <paramref name="ApType"/> values for the call and back after it: the real ap_fixed's
/// size is not the container's, so memory is never reinterpreted.</summary>
/// A port of structs is loaded as its bytes (<paramref name="Type"/> uint8_t, <paramref name="Count"/> bytes) and copied
/// with memcpy into <paramref name="StructCount"/> elements of <paramref name="Struct"/>, whose layout the header asserts.
public sealed record ArrayView(string Name, string Type, int Count, bool IsOutput, bool IsStream, string? ApType = null, string? Struct = null, int StructCount = 0)
{
    /// <summary>What the kernel's argument holds: the ap values, or the words as they are.</summary>
    public string Element => ApType ?? Type;
}

public sealed record TestbenchView(string Banner, string Kernel, IReadOnlyList<ScalarView> Scalars, IReadOnlyList<ArrayView> Arrays, string CallArguments);

/// <summary>A port argument and where link.cfg connects it: a memory bank (Alveo) or a PS slave port (embedded).</summary>
public sealed record PortView(string Name, string Bank, string Bundle);

/// <summary>An axis port in link.cfg: v++ connects it to another kernel's stream (stream_connect), never to memory.</summary>
public sealed record AxisView(string Name, bool IsOutput);

/// <param name="Vivado">the kernel has ap_memory, ap_vld or ap_none ports: the Vivado IP flow (an IP catalog entry,
/// no .xo, no link.cfg, no host program); <paramref name="VivadoPort"/> names the first such port</param>
/// <param name="HostProgram">host.cpp can run the kernel: a Vitis kernel without axis ports (XRT cannot write an axis
/// port from host memory)</param>
public sealed record VendorView(
    string TclBanner, string Kernel, string Board, string Platform, string Part, double ClockMhz, string ClockPeriodNs,
    bool MapsBanks, bool Embedded, IReadOnlyList<PortView> Ports, IReadOnlyList<AxisView> AxisPorts, bool Vivado, string VivadoPort, bool HostProgram);

/// <summary>A top-function argument as the XRT host program sets it: by index, a buffer or a scalar value.</summary>
public sealed record HostArgumentView(int Index, string Name, string Type, bool IsArray, int Count, bool IsOutput);

public sealed record HostView(string Banner, string Kernel, IReadOnlyList<HostArgumentView> Arguments);
