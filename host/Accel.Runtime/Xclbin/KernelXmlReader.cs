using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Accel.Runtime.Xclbin;

/// <summary>A kernel's interface as EMBEDDED_METADATA describes it (compute units come from IP_LAYOUT).</summary>
internal sealed record XmlKernel(string Name, List<KernelPort> Ports, List<KernelArgument> Arguments);

/// <summary>
/// Reads the kernel descriptions from the EMBEDDED_METADATA XML, the same elements and attributes
/// XRT's xclbin parser reads: project/platform/device/core/kernel with its port and arg children.
/// </summary>
internal sealed class KernelXmlReader(string fileName, string location)
{
    public (string ProjectName, List<XmlKernel> Kernels) Read(ReadOnlySpan<byte> section)
    {
        // xclbinutil stores the text NUL-terminated; the NULs are not part of the document.
        var text = section.TrimEnd((byte)0);
        var root = Parse(text.ToArray());
        if (root.Name.LocalName != "project")
            throw Fail(root, $"expected root element <project>; found <{root.Name.LocalName}>");
        var core = Child(Child(Child(root, "platform"), "device"), "core");
        var kernels = core.Elements("kernel").Select(ReadKernel).ToList();
        var duplicate = kernels.GroupBy(k => k.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw Fail(core, $"expected unique kernel names; '{duplicate.Key}' is described {duplicate.Count()} times");
        return ((string?)root.Attribute("name") ?? "", kernels);
    }

    private XElement Parse(byte[] text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,   // no entity expansion from an untrusted file
            XmlResolver = null,
            MaxCharactersInDocument = (long)AxlfLayout.MaxMetadataSectionSize,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(text), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo).Root
                   ?? throw new XclbinFormatException(fileName, location, "expected an XML document; found none");
        }
        catch (XmlException e)
        {
            throw new XclbinFormatException(fileName, $"{location} line {e.LineNumber} column {e.LinePosition}",
                $"expected well-formed XML: {e.Message}", e);
        }
    }

    private XmlKernel ReadKernel(XElement kernel)
    {
        var name = Required(kernel, "name");
        var ports = kernel.Elements("port").Select(p => new KernelPort(
            Name: Required(p, "name"),
            Mode: Required(p, "mode"),
            DataWidthBits: (int)Number(p, "dataWidth", int.MaxValue, 0),
            Range: Number(p, "range", ulong.MaxValue, 0))).ToList();
        var arguments = kernel.Elements("arg").Select(ReadArgument).OrderBy(a => a.Index).ToList();
        for (var i = 0; i < arguments.Count; i++)
            if (arguments[i].Index != i)
                throw Fail(kernel, $"kernel '{name}': expected argument ids 0..{arguments.Count - 1}, each once; " +
                                   $"found ids {string.Join(",", arguments.Select(a => a.Index))}");
        return new XmlKernel(name, ports, arguments);
    }

    private KernelArgument ReadArgument(XElement arg)
    {
        var qualifier = Number(arg, "addressQualifier", (ulong)ArgumentKind.Stream, null);
        return new KernelArgument(
            Index: (int)Number(arg, "id", int.MaxValue, null),
            Name: Required(arg, "name"),
            Kind: (ArgumentKind)qualifier,
            Port: (string?)arg.Attribute("port") ?? "",
            Offset: (uint)Number(arg, "offset", uint.MaxValue, null),
            Size: (uint)Number(arg, "size", uint.MaxValue, null),
            HostSize: (uint)Number(arg, "hostSize", uint.MaxValue, 0),
            Type: (string?)arg.Attribute("type") ?? "");
    }

    private XElement Child(XElement parent, string name) =>
        parent.Element(name) ?? throw Fail(parent, $"expected a <{name}> element inside <{parent.Name.LocalName}>");

    private string Required(XElement element, string attribute) =>
        (string?)element.Attribute(attribute)
        ?? throw Fail(element, $"<{element.Name.LocalName}> needs attribute '{attribute}'");

    /// <summary>
    /// An unsigned attribute in XRT's notation (std::stoul base 0: "0x" hex, leading-0 octal, else decimal),
    /// at most <paramref name="max"/>; <paramref name="fallback"/> when absent, or an error if null.
    /// </summary>
    private ulong Number(XElement element, string attribute, ulong max, ulong? fallback)
    {
        var text = (string?)element.Attribute(attribute);
        if (text is null)
            return fallback ?? throw Fail(element, $"<{element.Name.LocalName}> needs attribute '{attribute}'");
        if (TryParseNumber(text.Trim(), out var value) && value <= max)
            return value;
        throw Fail(element, $"attribute '{attribute}' of <{element.Name.LocalName}>: expected an integer 0..{max}; found '{text}'");
    }

    private static bool TryParseNumber(string text, out ulong value)
    {
        value = 0;
        if (text.Length == 0) return false;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return text.Length > 2 && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        if (text.Length > 1 && text[0] == '0')
        {
            foreach (var c in text)
            {
                if (c is < '0' or > '7' || value > ulong.MaxValue >> 3) return false;
                value = value * 8 + (ulong)(c - '0');
            }
            return true;
        }
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private XclbinFormatException Fail(XElement at, string problem)
    {
        var line = ((IXmlLineInfo)at).HasLineInfo() ? $" line {((IXmlLineInfo)at).LineNumber}" : "";
        return new XclbinFormatException(fileName, location + line, problem);
    }
}
