using System.Runtime.CompilerServices;
using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Devices;

/// <summary>Backend-neutral checks on buffer sizes and element ranges, so nothing is silently cut short.</summary>
public static class BufferRules
{
    /// <summary>A buffer holds at least one element and fits in its bank.</summary>
    public static void CheckLength<T>(MemoryBank bank, int bankIndex, int length) where T : unmanaged
    {
        if (length < 1)
            throw new ArgumentOutOfRangeException(nameof(length), length, "a buffer holds at least one element");
        var bytes = (ulong)length * (ulong)Unsafe.SizeOf<T>();
        if (bank.SizeBytes is { } capacity && capacity > 0 && bytes > capacity)
            throw new ArgumentOutOfRangeException(nameof(length), length,
                $"{length} x {typeof(T).Name} = {bytes} bytes does not fit bank {bankIndex} ('{bank.Tag}') of {capacity} bytes");
    }

    /// <summary>Elements [offset, offset + count) lie inside a buffer of <paramref name="length"/> elements.</summary>
    public static void CheckRange(int length, int offset, int count, string operation)
    {
        if (offset < 0 || offset > length || count > length - offset)
            throw new ArgumentOutOfRangeException(nameof(offset), offset,
                $"{operation} of {count} element(s) at offset {offset} does not fit a buffer of {length} element(s)");
    }
}
