using Accel.Omap.Randomness;

namespace Accel.Omap;

/// <summary>
/// Items for a bulk build: 64-bit keys and one flat array of fixed-size values (item i owns bytes
/// [i*V, (i+1)*V)), so millions of items cost two arrays rather than millions of objects.
/// </summary>
public sealed class KeyValueDataSet
{
    private readonly ulong[] keys;
    private readonly byte[] values;

    public KeyValueDataSet(ulong[] keys, byte[] values, int valueBytes)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(valueBytes);
        if ((long)keys.Length * valueBytes != values.Length)
            throw new ArgumentException(
                $"values hold {values.Length} bytes; {keys.Length} keys of {valueBytes}-byte values need {(long)keys.Length * valueBytes}",
                nameof(values));
        this.keys = keys;
        this.values = values;
        ValueBytes = valueBytes;
    }

    public int Count => keys.Length;

    public int ValueBytes { get; }

    public ulong Key(int item) => keys[item];

    public ReadOnlySpan<byte> Value(int item) => values.AsSpan(item * ValueBytes, ValueBytes);

    /// <summary><paramref name="count"/> distinct random keys with their <see cref="ValuePattern"/> values (version 0).</summary>
    public static KeyValueDataSet CreateRandom(int count, int valueBytes, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var random = new SeededRandomSource(seed);
        var seen = new HashSet<ulong>(count);
        var keys = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            ulong key;
            do key = random.NextUInt64(); while (!seen.Add(key));
            keys[i] = key;
        }
        var values = new byte[(long)count * valueBytes];
        for (int i = 0; i < count; i++)
            ValuePattern.Fill(keys[i], 0, values.AsSpan(i * valueBytes, valueBytes));
        return new KeyValueDataSet(keys, values, valueBytes);
    }
}

/// <summary>
/// The value a workload writes for (key, version): recomputable, so a test mirror stores one number per key
/// instead of a copy of every value, and a stale or misplaced value never matches by accident.
/// </summary>
public static class ValuePattern
{
    public static void Fill(ulong key, ulong version, Span<byte> value)
    {
        for (int word = 0; word * 8 < value.Length; word++)
        {
            ulong bits = Mix64.Of(key ^ Mix64.Of(version * 0x9E3779B97F4A7C15UL + (ulong)word));
            int take = Math.Min(8, value.Length - word * 8);
            for (int b = 0; b < take; b++)
                value[word * 8 + b] = (byte)(bits >> (8 * b));
        }
    }
}
