namespace Accel.Runtime.Tests.Xclbin;

/// <summary>
/// Byte-level edits of a written xclbin for malformed-input tests, addressed with the offsets of
/// xrt/xclbin.h (written out here rather than taken from the code under test).
/// </summary>
internal static class AxlfSurgery
{
    public const int LengthField = 304;
    public const int NumSectionsField = 448;
    public const int SectionTable = 456;
    public const int SectionHeaderSize = 40;

    public static int SectionIndex(byte[] file, SectionKind kind)
    {
        var count = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(NumSectionsField));
        for (var i = 0; i < count; i++)
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(SectionTable + i * SectionHeaderSize)) == (uint)kind)
                return i;
        throw new InvalidOperationException($"no {kind} section");
    }

    public static int SectionHeader(byte[] file, SectionKind kind) => SectionTable + SectionIndex(file, kind) * SectionHeaderSize;

    /// <summary>File offset of a section's payload.</summary>
    public static int SectionStart(byte[] file, SectionKind kind) =>
        (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(SectionHeader(file, kind) + 24));

    public static byte[] WithU32(byte[] file, int at, uint value) => Edit(file, f => BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(at), value));

    public static byte[] WithI32(byte[] file, int at, int value) => Edit(file, f => BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(at), value));

    public static byte[] WithU64(byte[] file, int at, ulong value) => Edit(file, f => BinaryPrimitives.WriteUInt64LittleEndian(f.AsSpan(at), value));

    public static byte[] WithBytes(byte[] file, int at, ReadOnlySpan<byte> bytes)
    {
        var copy = (byte[])file.Clone();
        bytes.CopyTo(copy.AsSpan(at));
        return copy;
    }

    /// <summary>Appends <paramref name="payload"/>, points the section at it, and fixes m_length.</summary>
    public static byte[] WithSectionPayload(byte[] file, SectionKind kind, byte[] payload)
    {
        var header = SectionHeader(file, kind);
        var grown = file.Concat(payload).ToArray();
        BinaryPrimitives.WriteUInt64LittleEndian(grown.AsSpan(header + 24), (ulong)file.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(grown.AsSpan(header + 32), (ulong)payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(grown.AsSpan(LengthField), (ulong)grown.Length);
        return grown;
    }

    /// <summary>Keeps the first <paramref name="length"/> bytes and makes m_length agree, so the reader looks further in.</summary>
    public static byte[] TruncatedConsistently(byte[] file, int length)
    {
        var cut = file[..length];
        if (length >= LengthField + 8)
            BinaryPrimitives.WriteUInt64LittleEndian(cut.AsSpan(LengthField), (ulong)length);
        return cut;
    }

    private static byte[] Edit(byte[] file, Action<byte[]> edit)
    {
        var copy = (byte[])file.Clone();
        edit(copy);
        return copy;
    }
}
