using Accel.Runtime.Devices;
using System.Security.Cryptography;
using System.Text;
using Accel.Codegen.Ir;
using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Emulator.Designs;

/// <summary>
/// The xclbin metadata of a kernel design, taken from its IR: one argument per top-function parameter in
/// order, one 8-byte register slot each from 0x10 (the layout Vitis HLS gives s_axilite arguments of up to
/// 64 bits), one m_axi port per bundle, each pointer connected to the bank its [MAxi] names, an AXI4-Stream port
/// per [Axis] argument (no register, no bank), one compute unit named as link.cfg's nk= names it. No bitstream:
/// Vitis builds that. A kernel with ap_memory, ap_vld or ap_none ports is refused: it is not an XRT kernel.
/// </summary>
public static class KernelXclbin
{
    public const string ControlPort = "S_AXI_CONTROL";
    public const uint FirstArgumentOffset = 0x10;
    public const uint RegisterSlot = 8;
    private const ulong ControlRange = 0x1000;
    private const ulong ComputeUnitBase = 0x1800000;   // where v++ places the first compute unit on Alveo shells

    public static XclbinDesign Describe(KernelDesign design)
    {
        var ir = design.Ir;
        var memory = BoardMemory.For(design.Board.Name);
        var arguments = new List<KernelArgument>();
        var connections = new List<ArgumentConnection>();
        var ports = new List<KernelPort>();
        if (TopInterfaces.VivadoOnlyParameter(ir) is { } wire)
            throw new DeviceArgumentException($"kernel '{ir.Name}' argument '{wire.Name}' is an {TopInterfaces.Mode(wire)} port, which only the Vivado IP flow " +
                "builds (accel gen writes run_hls.tcl with -flow_target vivado and an IP catalog export): an xclbin's kernel takes m_axi, " +
                "s_axilite and axis arguments only, so there is no xclbin or XRT run for it; emulate it with accel emulate");
        foreach (var (parameter, index) in ir.Top.Parameters.Select((p, i) => (p, i)))
        {
            var offset = FirstArgumentOffset + RegisterSlot * (uint)index;
            if (parameter.Port is { } binding && parameter.Type is PortType port)
            {
                var portName = $"M_AXI_{binding.Bundle.ToUpperInvariant()}";
                if (ports.All(p => p.Name != portName))
                    ports.Add(new KernelPort(portName, KernelPort.MasterMode, binding.WidthBits, 0xFFFFFFFF));
                var pointer = $"{(design.Writes(parameter) ? "" : "const ")}{ArgumentTypes.CSpelling(port.Element)}*";
                arguments.Add(new KernelArgument(index, parameter.Name, ArgumentKind.Global, portName, offset, 8, 8, pointer));
                connections.Add(new ArgumentConnection(index, memory.IndexOf(binding.Bank, ir.Name, parameter.Name)));
            }
            else if (parameter.Kind == VariableKind.Scalar)
            {
                var size = ArgumentTypes.SizeOf(parameter.Type);
                arguments.Add(new KernelArgument(index, parameter.Name, ArgumentKind.Scalar, ControlPort, offset, size, size,
                    ArgumentTypes.CSpelling(parameter.Type)));
            }
            else if (parameter.Interface == InterfaceMode.Axis && parameter.Type is StreamType stream)
            {
                // An AXI4-Stream port of its own, named after the argument, with no register and no memory connection.
                bool output = design.Writes(parameter);
                ports.Add(new KernelPort(parameter.Name, output ? KernelPort.WriteOnlyMode : KernelPort.ReadOnlyMode, 8 * (int)ArgumentTypes.SizeOf(stream.Element), 0));
                arguments.Add(new KernelArgument(index, parameter.Name, ArgumentKind.Stream, parameter.Name, 0, 0, 0,
                    $"hls::stream<{ArgumentTypes.CSpelling(stream.Element)}>&"));
            }
            else
                throw new DeviceArgumentException($"kernel '{ir.Name}' argument '{parameter.Name}' ({parameter.Kind}) has no xclbin form; " +
                                            "top-function arguments are [MAxi] arrays, [Axis] streams and scalars");
        }
        ports.Add(new KernelPort(ControlPort, KernelPort.SlaveMode, 32, ControlRange));

        var unit = new ComputeUnit($"{ir.Name}_1", ComputeUnitBase, ComputeUnit.PropertiesFor(IpControl.ApCtrlHs), connections.ToValueList());
        var kernel = new XclbinKernel(ir.Name, ports.ToValueList(), arguments.ToValueList(), ValueList.Of(unit));
        var banks = memory.Topology(connections.Select(c => c.BankIndex).ToHashSet());
        // HLS kernels run on ap_clk, which v++ drives from the platform's data clock.
        var clocks = ValueList.Of(new ClockFrequency("DATA_CLK", ClockType.Data, (ushort)design.ClockMhz));
        var described = new XclbinDesign(design.Name, Guid.Empty, design.Board.Platform, banks, ValueList.Of(kernel), clocks);
        return described with { Uuid = UuidOf(described) };
    }

    /// <summary>The xclbin file's bytes (metadata only, no bitstream).</summary>
    public static byte[] Bytes(KernelDesign design) => XclbinWriter.Write(Describe(design));

    /// <summary>Writes the file atomically (<see cref="Codegen.Backends.AtomicFile"/>), creating its folder.</summary>
    public static void Write(KernelDesign design, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Codegen.Backends.AtomicFile.Write(path, Bytes(design));
    }

    /// <summary>
    /// A UUID derived from the metadata itself, so writing the same design twice gives the same bytes and a
    /// changed interface gives a new identity (XRT keys loaded designs by it).
    /// </summary>
    private static Guid UuidOf(XclbinDesign design)
    {
        var text = new StringBuilder().Append(design.Name).Append('|').Append(design.PlatformVbnv);
        foreach (var clock in design.Clocks) text.Append('|').Append(clock);
        foreach (var kernel in design.Kernels)
        {
            foreach (var argument in kernel.Arguments) text.Append('|').Append(argument);
            foreach (var unit in kernel.ComputeUnits)
                foreach (var connection in unit.Connections) text.Append('|').Append(connection);
        }
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);   // RFC 9562 version 8: a custom, name-derived UUID
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
