using System.Globalization;
using System.Text;
using System.Xml;

namespace Accel.Runtime.Xclbin;

/// <summary>
/// Writes the EMBEDDED_METADATA XML: the elements XRT reads to learn each kernel's arguments
/// (name, id, addressQualifier, port, offset, size, hostSize, type) and ports.
/// Output is deterministic: same design, same bytes.
/// </summary>
internal static class KernelXmlWriter
{
    public static byte[] Write(XclbinDesign design)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("project");
            xml.WriteAttributeString("name", design.Name);
            xml.WriteStartElement("platform");
            xml.WriteAttributeString("name", design.PlatformVbnv);
            xml.WriteStartElement("device");
            xml.WriteAttributeString("name", "fpga0");
            xml.WriteStartElement("core");
            xml.WriteAttributeString("name", "OCL_REGION_0");
            xml.WriteAttributeString("target", "bitstream");
            xml.WriteAttributeString("type", "clc_region");
            WriteKernelClocks(xml, design.Clocks);
            foreach (var kernel in design.Kernels)
                WriteKernel(xml, kernel);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    // XRT takes the kernel clock frequency from here (default 100 MHz when absent).
    private static void WriteKernelClocks(XmlWriter xml, ValueList<ClockFrequency> clocks)
    {
        if (clocks.Count == 0)
            return;
        xml.WriteStartElement("kernelClocks");
        foreach (var clock in clocks)
        {
            xml.WriteStartElement("clock");
            xml.WriteAttributeString("port", clock.Name);
            xml.WriteAttributeString("frequency", $"{clock.FrequencyMhz}MHz");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteKernel(XmlWriter xml, XclbinKernel kernel)
    {
        xml.WriteStartElement("kernel");
        xml.WriteAttributeString("name", kernel.Name);
        xml.WriteAttributeString("language", "c");
        xml.WriteAttributeString("hwControlProtocol", ProtocolName(kernel));
        foreach (var port in kernel.Ports)
        {
            xml.WriteStartElement("port");
            xml.WriteAttributeString("name", port.Name);
            xml.WriteAttributeString("mode", port.Mode);
            xml.WriteAttributeString("range", Hex(port.Range));
            xml.WriteAttributeString("dataWidth", port.DataWidthBits.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("portType", "addressable");
            xml.WriteAttributeString("base", "0x0");
            xml.WriteEndElement();
        }
        foreach (var arg in kernel.Arguments)
        {
            xml.WriteStartElement("arg");
            xml.WriteAttributeString("name", arg.Name);
            xml.WriteAttributeString("addressQualifier", ((int)arg.Kind).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("id", arg.Index.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("port", arg.Port);
            xml.WriteAttributeString("size", Hex(arg.Size));
            xml.WriteAttributeString("offset", Hex(arg.Offset));
            xml.WriteAttributeString("hostOffset", "0x0");
            xml.WriteAttributeString("hostSize", Hex(arg.HostSize));
            xml.WriteAttributeString("type", arg.Type);
            xml.WriteEndElement();
        }
        // Instances matter to XRT only in software emulation; IP_LAYOUT is the authority in hardware.
        foreach (var unit in kernel.ComputeUnits)
        {
            xml.WriteStartElement("instance");
            xml.WriteAttributeString("name", unit.Name);
            xml.WriteStartElement("addrRemap");
            xml.WriteAttributeString("base", Hex(unit.BaseAddress));
            xml.WriteAttributeString("range", Hex(kernel.ControlRange));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static string ProtocolName(XclbinKernel kernel) =>
        (kernel.ComputeUnits.Count > 0 ? kernel.ComputeUnits[0].Control : IpControl.ApCtrlHs) switch
        {
            IpControl.ApCtrlChain => "ap_ctrl_chain",
            IpControl.ApCtrlNone => "ap_ctrl_none",
            _ => "ap_ctrl_hs",
        };

    private static string Hex(ulong value) => $"0x{value:X}";
}
