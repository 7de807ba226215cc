namespace Accel.Emulation;

/// <summary>A trace's ops in chunks of one size, indexed like an array. A trace grows a chunk at a time: what it
/// holds is never copied, and no buffer larger than the trace is touched (a doubling array touches up to
/// 2.5 times the trace, and a trace of tens of millions of ops is hundreds of megabytes).</summary>
public readonly struct TraceOps
{
    internal const int ChunkShift = 14;   // 16,384 ops, 256 KiB a chunk
    internal const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    private readonly TraceOp[][] _chunks;

    internal TraceOps(TraceOp[][] chunks, int count)
    {
        _chunks = chunks;
        Count = count;
    }

    public int Count { get; }

    /// <summary>The op at <paramref name="index"/>, which must be below <see cref="Count"/>.</summary>
    public ref readonly TraceOp this[int index] => ref _chunks[index >> ChunkShift][index & ChunkMask];

    public TraceOp[] ToArray()
    {
        var ops = new TraceOp[Count];
        for (int c = 0, copied = 0; copied < Count; c++)
        {
            int n = Math.Min(ChunkSize, Count - copied);
            Array.Copy(_chunks[c], 0, ops, copied, n);
            copied += n;
        }
        return ops;
    }
}
