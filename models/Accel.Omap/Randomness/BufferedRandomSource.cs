using System.Buffers.Binary;

namespace Accel.Omap.Randomness;

/// <summary>Hands out bytes from a block that the concrete source refills, so each draw is a cheap copy.</summary>
public abstract class BufferedRandomSource : IRandomSource
{
    private readonly byte[] block = new byte[4096];
    private int position = 4096;

    /// <summary>Overwrites the whole of <paramref name="block"/> (4096 bytes) with fresh random bytes.</summary>
    protected abstract void Refill(Span<byte> block);

    public ulong NextUInt64()
    {
        if (position > block.Length - sizeof(ulong)) RefillBlock();
        ulong value = BinaryPrimitives.ReadUInt64LittleEndian(block.AsSpan(position));
        position += sizeof(ulong);
        return value;
    }

    public void Fill(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (position == block.Length) RefillBlock();
            int take = Math.Min(destination.Length, block.Length - position);
            block.AsSpan(position, take).CopyTo(destination);
            position += take;
            destination = destination[take..];
        }
    }

    private void RefillBlock()
    {
        Refill(block);
        position = 0;
    }
}
