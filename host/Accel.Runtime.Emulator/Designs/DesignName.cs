using Accel.Runtime.Devices;
using System.Globalization;

namespace Accel.Runtime.Emulator.Designs;

/// <summary>
/// The design name Accel writes into an xclbin's EMBEDDED_METADATA: <c>accel:kernel:config:name=value,...</c>
/// with every kernel parameter. XRT only displays it; the emulator reads it back to know which kernel, at
/// which parameter values, the file describes (the file carries metadata, not the kernel's logic).
/// </summary>
public sealed record DesignName(string Kernel, string Config, IReadOnlyList<KeyValuePair<string, long>> Values)
{
    private const string Prefix = "accel";

    public static string Format(string kernel, string config, IReadOnlyDictionary<string, long> values)
    {
        if (kernel.Contains(':') || config.Contains(':'))
            throw new DeviceArgumentException($"kernel '{kernel}' and configuration '{config}' must not contain ':' to be named in an xclbin");
        var assignments = values.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={kv.Value.ToString(CultureInfo.InvariantCulture)}");
        return $"{Prefix}:{kernel}:{config}:{string.Join(',', assignments)}";
    }

    /// <summary>The parts of a name <see cref="Format"/> wrote, or null for any other name (an xclbin v++ built).</summary>
    public static DesignName? TryParse(string name)
    {
        var parts = name.Split(':');
        if (parts.Length != 4 || parts[0] != Prefix || parts[1].Length == 0 || parts[2].Length == 0)
            return null;
        var values = new List<KeyValuePair<string, long>>();
        foreach (var assignment in parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = assignment.Split('=');
            if (pair.Length != 2 || !long.TryParse(pair[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                return null;
            values.Add(new(pair[0], value));
        }
        return new DesignName(parts[1], parts[2], values);
    }

    /// <summary>The values as the k=v assignments KernelConfig.Resolve takes.</summary>
    public IEnumerable<string> Assignments => Values.Select(kv => $"{kv.Key}={kv.Value.ToString(CultureInfo.InvariantCulture)}");

    public const string Expected = "accel:<kernel>:<configuration>:<parameter>=<value>,...";
}
