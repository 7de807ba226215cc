using System.Buffers.Binary;
using System.Numerics;

namespace Accel.Omap.Bolt;

/// <summary>
/// Plaintext of a host page: a 64-bit word marking used slots, then L slots of (8-byte key, V-byte value).
/// Slots keep their place when others empty, so the trusted table can point at a slot directly.
/// </summary>
internal sealed class BoltPageLayout(int slots, int valueBytes)
{
    private readonly int slotBytes = sizeof(ulong) + valueBytes;

    public int Slots { get; } = slots;

    public int PlaintextBytes { get; } = PlaintextBytesOf(slots, valueBytes);

    /// <summary>Bytes of a page of <paramref name="slots"/> slots before sealing; the sealed store is sized by it too.</summary>
    public static int PlaintextBytesOf(int slots, int valueBytes) => sizeof(ulong) + slots * (sizeof(ulong) + valueBytes);

    public static ulong Occupancy(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt64LittleEndian(page);

    public ulong KeyAt(ReadOnlySpan<byte> page, int slot) =>
        BinaryPrimitives.ReadUInt64LittleEndian(page[SlotOffset(slot)..]);

    public Span<byte> ValueAt(Span<byte> page, int slot) =>
        page.Slice(SlotOffset(slot) + sizeof(ulong), slotBytes - sizeof(ulong));

    /// <summary>Stores an item in the lowest free slot and returns that slot, or -1 when the page is full.</summary>
    public int Store(Span<byte> page, ulong key, ReadOnlySpan<byte> value)
    {
        ulong used = Occupancy(page);
        int slot = BitOperations.TrailingZeroCount(~used);
        if (slot >= Slots) return -1;
        BinaryPrimitives.WriteUInt64LittleEndian(page[SlotOffset(slot)..], key);
        value.CopyTo(ValueAt(page, slot));
        BinaryPrimitives.WriteUInt64LittleEndian(page, used | (1UL << slot));
        return slot;
    }

    /// <summary>Frees a slot and wipes it, so a removed value is not carried along in later versions of the page.</summary>
    public void Clear(Span<byte> page, int slot)
    {
        page.Slice(SlotOffset(slot), slotBytes).Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(page, Occupancy(page) & ~(1UL << slot));
    }

    private int SlotOffset(int slot) => sizeof(ulong) + slot * slotBytes;
}
