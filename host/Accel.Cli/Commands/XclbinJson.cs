using Accel.Runtime.Xclbin;

namespace Accel.Cli.Commands;

/// <summary>The JSON form of `accel xclbin info`: the same facts as XclbinText, with snake_case keys.</summary>
internal static class XclbinJson
{
    public static object Of(XclbinFile file)
    {
        var d = file.Design;
        return new
        {
            file = file.Source,
            design = d.Name,
            uuid = d.Uuid,
            platform = d.PlatformVbnv,
            version = file.Header.Version.ToString(),
            mode = file.Header.Mode.ToString(),
            length = file.Header.Length,
            sections = file.Sections.Select(s => new { kind = s.Kind.ToString(), name = s.Name, offset = s.Offset, size = s.Size }),
            clocks = d.Clocks.Select(c => new { name = c.Name, type = c.Type.ToString(), frequency_mhz = c.FrequencyMhz }),
            memory_banks = d.MemoryBanks.Select((b, i) => new { index = i, tag = b.Tag, type = b.Type.ToString(), used = b.Used, base_address = b.BaseAddress, size_bytes = b.SizeBytes }),
            kernels = d.Kernels.Select(k => new
            {
                name = k.Name,
                signature = k.Signature,
                arguments = k.Arguments.Select(a => new { index = a.Index, name = a.Name, kind = a.Kind.ToString(), port = a.Port, offset = a.Offset, size = a.Size, type = a.Type }),
                compute_units = k.ComputeUnits.Select(u => new
                {
                    name = u.Name,
                    base_address = u.BaseAddress,
                    // Indices as the file has them; a vendor file may name an argument or bank beyond the lists.
                    connections = u.Connections.Select(c => new
                    {
                        argument = c.ArgumentIndex < k.Arguments.Count ? k.Arguments[c.ArgumentIndex].Name : $"#{c.ArgumentIndex}",
                        bank = c.BankIndex,
                        tag = c.BankIndex < d.MemoryBanks.Count ? d.MemoryBanks[c.BankIndex].Tag : "?",
                    }),
                }),
            }),
        };
    }
}
