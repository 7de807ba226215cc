namespace Accel.Omap.Host;

/// <summary>
/// Untrusted host memory as the attacker sees it: every transfer the accelerator makes is counted and, when a
/// <see cref="Trace"/> is attached, recorded (offset, size, direction). <see cref="Peek"/> and <see cref="Poke"/>
/// are the attacker's own reads and writes (tampering in tests), so they are not part of the map's trace.
/// </summary>
public sealed class HostMemory
{
    // Chunks keep each array under the 2 GiB limit: a Path ORAM tree with 2^22 items and 256-byte values is ~5 GB.
    private const int ChunkShift = 26;
    private const int ChunkBytes = 1 << ChunkShift;
    private readonly byte[][] chunks;

    public HostMemory(long sizeBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);
        Size = sizeBytes;
        int chunkCount = (int)((sizeBytes + ChunkBytes - 1) >> ChunkShift);
        chunks = new byte[chunkCount][];
        for (int i = 0; i < chunkCount; i++)
            chunks[i] = new byte[(int)Math.Min(ChunkBytes, sizeBytes - ((long)i << ChunkShift))];
    }

    public long Size { get; }

    public HostTraffic Traffic { get; } = new();

    /// <summary>When set, every transfer of the map is appended to it.</summary>
    public HostTrace? Trace { get; set; }

    /// <summary>A transfer from host memory to the accelerator.</summary>
    public void Read(long offset, Span<byte> destination)
    {
        Observe(new HostAccess(offset, destination.Length, HostAccessKind.Read));
        Peek(offset, destination);
    }

    /// <summary>A transfer from the accelerator to host memory.</summary>
    public void Write(long offset, ReadOnlySpan<byte> source)
    {
        Observe(new HostAccess(offset, source.Length, HostAccessKind.Write));
        Poke(offset, source);
    }

    /// <summary>The attacker reads host memory directly (not a transfer of the map, so not traced).</summary>
    public void Peek(long offset, Span<byte> destination)
    {
        CheckRange(offset, destination.Length);
        while (!destination.IsEmpty)
        {
            Span<byte> chunk = ChunkAt(offset);
            int take = Math.Min(destination.Length, chunk.Length);
            chunk[..take].CopyTo(destination);
            destination = destination[take..];
            offset += take;
        }
    }

    /// <summary>The attacker overwrites host memory directly (tampering, swapping, replaying; not traced).</summary>
    public void Poke(long offset, ReadOnlySpan<byte> source)
    {
        CheckRange(offset, source.Length);
        while (!source.IsEmpty)
        {
            Span<byte> chunk = ChunkAt(offset);
            int take = Math.Min(source.Length, chunk.Length);
            source[..take].CopyTo(chunk);
            source = source[take..];
            offset += take;
        }
    }

    private Span<byte> ChunkAt(long offset) =>
        chunks[(int)(offset >> ChunkShift)].AsSpan((int)(offset & (ChunkBytes - 1)));

    private void Observe(HostAccess access)
    {
        CheckRange(access.Offset, access.Bytes);
        Traffic.Count(access);
        Trace?.Record(access);
    }

    private void CheckRange(long offset, int length)
    {
        if (offset < 0 || length < 0 || offset > Size - length)
            throw new ArgumentOutOfRangeException(nameof(offset),
                $"host access [{offset}, {offset + length}) lies outside host memory of {Size} bytes");
    }
}
