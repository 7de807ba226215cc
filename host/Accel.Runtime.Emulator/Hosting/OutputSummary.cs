using System.Globalization;
using Accel.Codegen.Backends.Hls;

namespace Accel.Runtime.Emulator.Hosting;

/// <summary>
/// A short account of one output array for people and scripts: its length, smallest and largest element and
/// a checksum (FNV-1a, 64 bits, over the little-endian bytes, the same bytes as golden/*.bin) that changes with
/// any bit of any element.
/// </summary>
public sealed record OutputSummary(string Name, int Elements, string Min, string Max, string Checksum)
{
    public static OutputSummary Of(string name, Array values)
    {
        var items = values.Cast<IComparable>().ToList();
        var min = items.Count == 0 ? "" : Text(items.Min());
        var max = items.Count == 0 ? "" : Text(items.Max());
        return new OutputSummary(name, values.Length, min, max, $"{Fnv1a(GoldenVectors.Bytes(values)):x16}");
    }

    public static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var b in bytes)
            hash = (hash ^ b) * 0x100000001b3UL;
        return hash;
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
