using System.Text;

namespace Accel.Runtime.Xclbin;

/// <summary>
/// Human-readable summary of an xclbin, covering what `xclbinutil --info` reports: header, sections,
/// clocks, memory banks, and each kernel's signature, ports, arguments and compute units with the bank
/// each argument is connected to.
/// </summary>
public static class XclbinText
{
    public static string Render(XclbinFile file)
    {
        var d = file.Design;
        var text = new StringBuilder();
        text.AppendLine($"xclbin: {file.Source}");
        text.AppendLine($"  Design:    {d.Name}");
        text.AppendLine($"  UUID:      {d.Uuid}");
        text.AppendLine($"  Platform:  {d.PlatformVbnv}");
        text.AppendLine($"  Version:   {file.Header.Version}   Mode: {file.Header.Mode}   Length: {file.Header.Length} bytes");
        text.AppendLine($"  Timestamp: {file.Header.TimeStamp}   Signed: {(file.Header.SignatureLength > 0 ? "yes" : "no")}");

        text.AppendLine($"Sections ({file.Sections.Count}):");
        foreach (var s in file.Sections)
            text.AppendLine($"  {s.Kind,-22} '{s.Name}'  offset 0x{s.Offset:X}  size {s.Size}");

        text.AppendLine($"Clocks ({d.Clocks.Count}):");
        foreach (var c in d.Clocks)
            text.AppendLine($"  {c.Name,-16} {c.Type,-8} {c.FrequencyMhz} MHz");

        text.AppendLine($"Memory banks ({d.MemoryBanks.Count}):");
        for (var i = 0; i < d.MemoryBanks.Count; i++)
        {
            var b = d.MemoryBanks[i];
            text.AppendLine($"  [{i}] {b.Tag,-12} {b.Type,-10} {(b.Used ? "used" : "unused"),-6}  base 0x{b.BaseAddress:X}  size {FormatKiB(b.SizeKiB)}");
        }

        text.AppendLine($"Kernels ({d.Kernels.Count}):");
        foreach (var k in d.Kernels)
            RenderKernel(text, k, d.MemoryBanks);

        if (file.OtherIps.Count > 0)
        {
            text.AppendLine($"Other IPs ({file.OtherIps.Count}):");
            foreach (var ip in file.OtherIps)
                text.AppendLine($"  {ip.Name,-24} {ip.Type,-14} base 0x{ip.BaseAddress:X}");
        }
        return text.ToString();
    }

    private static void RenderKernel(StringBuilder text, XclbinKernel k, ValueList<MemoryBank> banks)
    {
        text.AppendLine($"  {k.Signature}");
        foreach (var p in k.Ports)
            text.AppendLine($"    port {p.Name,-16} {p.Mode,-10} {p.DataWidthBits} bits  range 0x{p.Range:X}");
        foreach (var a in k.Arguments)
            text.AppendLine($"    arg  [{a.Index}] {a.Name,-12} {a.Kind,-8} port {a.Port,-14} offset 0x{a.Offset:X}  size {a.Size}  type {a.Type}");
        foreach (var u in k.ComputeUnits)
        {
            text.AppendLine($"    compute unit {u.Name}  base 0x{u.BaseAddress:X}  {u.Control}  interrupt {(u.InterruptEnabled ? "on" : "off")}");
            foreach (var c in u.Connections)
            {
                var arg = c.ArgumentIndex < k.Arguments.Count ? k.Arguments[c.ArgumentIndex].Name : $"#{c.ArgumentIndex}";
                var bank = c.BankIndex < banks.Count ? banks[c.BankIndex].Tag : "?";
                text.AppendLine($"      {arg} -> {bank} (bank {c.BankIndex})");
            }
        }
    }

    private static string FormatKiB(ulong kib) =>
        kib >= 1024 * 1024 && kib % (1024 * 1024) == 0 ? $"{kib / (1024 * 1024)} GiB"
        : kib >= 1024 && kib % 1024 == 0 ? $"{kib / 1024} MiB"
        : $"{kib} KiB";
}
