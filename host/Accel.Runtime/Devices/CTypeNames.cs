namespace Accel.Runtime.Devices;

/// <summary>
/// C spellings of kernel argument types (as HLS writes them into the xclbin) and the .NET types that
/// carry the same bits. Spellings not in the table (ap_uint&lt;512&gt;, structs) are checked by size only.
/// </summary>
public static class CTypeNames
{
    private static readonly Dictionary<string, Type> Table = new()
    {
        ["char"] = typeof(sbyte), ["signed char"] = typeof(sbyte), ["int8_t"] = typeof(sbyte),
        ["unsigned char"] = typeof(byte), ["uint8_t"] = typeof(byte),
        ["short"] = typeof(short), ["short int"] = typeof(short), ["int16_t"] = typeof(short),
        ["unsigned short"] = typeof(ushort), ["unsigned short int"] = typeof(ushort), ["uint16_t"] = typeof(ushort),
        ["int"] = typeof(int), ["signed int"] = typeof(int), ["int32_t"] = typeof(int),
        ["unsigned int"] = typeof(uint), ["unsigned"] = typeof(uint), ["uint"] = typeof(uint), ["uint32_t"] = typeof(uint),
        ["long long"] = typeof(long), ["long long int"] = typeof(long), ["int64_t"] = typeof(long), ["long"] = typeof(long),
        ["unsigned long long"] = typeof(ulong), ["unsigned long"] = typeof(ulong), ["uint64_t"] = typeof(ulong),
        ["float"] = typeof(float),
        ["double"] = typeof(double),
    };

    /// <summary>The .NET type for a C value spelling, or null if the spelling is not in the table.</summary>
    public static Type? ManagedTypeOf(string cType) => Table.GetValueOrDefault(Normalize(cType));

    /// <summary>The pointee spelling of a pointer type ("const float *" gives "float"), or null if not a pointer.</summary>
    /// <summary>The element of a pointer ("int32_t*") or of an axis stream ("hls::stream&lt;int32_t&gt;&amp;"): what a
    /// buffer for the argument holds; null for anything else.</summary>
    public static string? PointeeOf(string cType)
    {
        var trimmed = cType.Trim();
        if (trimmed.StartsWith(StreamPrefix, StringComparison.Ordinal) && trimmed.EndsWith(">&", StringComparison.Ordinal))
            return trimmed[StreamPrefix.Length..^2];
        return trimmed.EndsWith('*') ? trimmed[..^1] : null;
    }

    private const string StreamPrefix = "hls::stream<";

    // Qualifiers and spacing do not change the bits: "const  unsigned int" is "unsigned int".
    private static string Normalize(string cType) =>
        string.Join(' ', cType.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("const" or "volatile")));
}
