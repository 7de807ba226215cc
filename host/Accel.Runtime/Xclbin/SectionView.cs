using System.Buffers.Binary;
using System.Text;

namespace Accel.Runtime.Xclbin;

/// <summary>
/// Little-endian field access to bytes read from an xclbin, with errors that name the file and the
/// field. Callers validate entry counts against <see cref="Length"/> first (see <see cref="CheckCount"/>),
/// so field reads stay inside the buffer.
/// </summary>
internal readonly struct SectionView(byte[] data, string fileName, string location)
{
    public int Length => data.Length;

    public byte U8(int offset) => data[offset];

    public ushort U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(offset, 2));

    public short I16(int offset) => BinaryPrimitives.ReadInt16LittleEndian(data.AsSpan(offset, 2));

    public uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset, 4));

    public int I32(int offset) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(offset, 4));

    public ulong U64(int offset) => BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(offset, 8));

    public Guid Uuid(int offset) => new(data.AsSpan(offset, 16), bigEndian: true);

    public ReadOnlySpan<byte> Bytes(int offset, int size) => data.AsSpan(offset, size);

    /// <summary>
    /// A char[size] field, NUL-terminated unless <paramref name="mayFillField"/> (XRT reads names it uses
    /// as C strings, so those must end inside their field). Text in xclbin files is printable ASCII;
    /// anything else means the bytes are not what the field should hold, so it is reported.
    /// </summary>
    public string FixedString(int offset, int size, string field, bool mayFillField = false)
    {
        var bytes = data.AsSpan(offset, size);
        var end = bytes.IndexOf((byte)0);
        if (end < 0 && mayFillField)
            end = size;
        if (end < 0)
            throw Fail(field, $"expected a NUL-terminated string of at most {size - 1} characters; no NUL in its {size} bytes");
        foreach (var b in bytes[..end])
            if (b is < 0x20 or > 0x7E)
                throw Fail(field, $"expected printable ASCII text; found byte 0x{b:X2}");
        return Encoding.ASCII.GetString(bytes[..end]);
    }

    /// <summary>
    /// Checks that <paramref name="count"/> entries of <paramref name="entrySize"/> bytes starting at
    /// <paramref name="firstEntry"/> fit in this section, before anything is allocated for them.
    /// </summary>
    public int CheckCount(long count, int firstEntry, int entrySize, string countField)
    {
        if (Length < firstEntry)
            throw Fail(countField, $"section is {Length} bytes; expected at least {firstEntry} for its header");
        if (count < 0)
            throw Fail(countField, $"expected a count >= 0; found {count}");
        var available = (Length - firstEntry) / entrySize;
        if (count > available)
            throw Fail(countField,
                $"count {count} needs {firstEntry + count * entrySize} bytes but the section holds {Length} (room for {available} entries)");
        return (int)count;
    }

    public XclbinFormatException Fail(string field, string problem) =>
        new(fileName, $"{location} {field}", problem);
}
