using System.Buffers.Binary;

namespace Accel.Omap.PathOram;

/// <summary>Plaintext of a bucket: Z block slots of (8-byte key, 4-byte leaf, V-byte value); leaf -1 marks an empty slot.</summary>
internal static class BucketLayout
{
    private const int LeafOffset = sizeof(ulong);
    private const int ValueOffset = sizeof(ulong) + sizeof(int);

    public static ulong Key(ReadOnlySpan<byte> bucket, int slot, int blockBytes) =>
        BinaryPrimitives.ReadUInt64LittleEndian(bucket[(slot * blockBytes)..]);

    public static int Leaf(ReadOnlySpan<byte> bucket, int slot, int blockBytes) =>
        BinaryPrimitives.ReadInt32LittleEndian(bucket[(slot * blockBytes + LeafOffset)..]);

    public static ReadOnlySpan<byte> Value(ReadOnlySpan<byte> bucket, int slot, int blockBytes) =>
        bucket.Slice(slot * blockBytes + ValueOffset, blockBytes - ValueOffset);

    public static void Write(Span<byte> bucket, int slot, int blockBytes, ulong key, int leaf, ReadOnlySpan<byte> value)
    {
        Span<byte> block = bucket.Slice(slot * blockBytes, blockBytes);
        BinaryPrimitives.WriteUInt64LittleEndian(block, key);
        BinaryPrimitives.WriteInt32LittleEndian(block[LeafOffset..], leaf);
        value.CopyTo(block[ValueOffset..]);
    }

    /// <summary>Marks every slot empty and wipes the old contents.</summary>
    public static void Clear(Span<byte> bucket, int blockBytes)
    {
        bucket.Clear();
        for (int offset = 0; offset < bucket.Length; offset += blockBytes)
            BinaryPrimitives.WriteInt32LittleEndian(bucket[(offset + LeafOffset)..], -1);
    }
}
