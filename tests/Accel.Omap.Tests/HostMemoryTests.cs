namespace Accel.Omap.Tests;

public sealed class HostMemoryTests
{
    [Fact]
    public void EveryTransferIsCountedAndTracedButTheAttackersOwnAccessesAreNot()
    {
        var host = new HostMemory(1000);
        var trace = new HostTrace();
        host.Trace = trace;
        trace.BeginOperation();
        host.Write(100, new byte[] { 1, 2, 3 });
        host.Poke(500, new byte[] { 9 });
        trace.BeginOperation();
        var read = new byte[3];
        host.Read(100, read);
        host.Peek(0, new byte[1000]);

        Assert.Equal(new byte[] { 1, 2, 3 }, read);
        Assert.Equal([new HostAccess(100, 3, HostAccessKind.Write)], trace.Operation(0).ToArray());
        Assert.Equal([new HostAccess(100, 3, HostAccessKind.Read)], trace.Operation(1).ToArray());
        Assert.Equal(1, host.Traffic.Reads);
        Assert.Equal(1, host.Traffic.Writes);
        Assert.Equal(6, host.Traffic.Bytes);
        Assert.Equal([new HostTransferClass(HostAccessKind.Write, 3, 1), new HostTransferClass(HostAccessKind.Read, 3, 1)], host.Traffic.Classes);
    }

    [Fact]
    public void TransfersOutsideHostMemoryAreRejected()
    {
        var host = new HostMemory(64);
        Assert.Throws<ArgumentOutOfRangeException>(() => host.Read(60, new byte[8]));
        Assert.Throws<ArgumentOutOfRangeException>(() => host.Write(-1, new byte[1]));
        Assert.Equal(0, host.Traffic.Transfers);
    }

    [Fact]
    public void TransfersAcrossChunkBoundariesRoundTrip()
    {
        // Chunks are 64 MiB; a page straddling the boundary must still land in one piece.
        var host = new HostMemory((64L << 20) + 64);
        long offset = (64L << 20) - 5;
        var data = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();
        host.Write(offset, data);
        var back = new byte[20];
        host.Read(offset, back);
        Assert.Equal(data, back);
    }

    [Fact]
    public void RewritingUnchangedContentsGivesFreshCiphertext()
    {
        // Every write is sealed under a new version, so the host cannot tell a page that changed from one that did not.
        using var random = new SeededRandomSource(71);
        var key = new byte[16];
        random.Fill(key);
        using var store = new SealedPageStore(pageCount: 2, plaintextBytes: 40, key);
        var plain = Enumerable.Range(0, 40).Select(i => (byte)i).ToArray();
        store.Write(1, plain);
        var first = new byte[store.SealedBytes];
        store.Host.Peek(store.OffsetOf(1), first);
        store.Write(1, plain);
        var second = new byte[store.SealedBytes];
        store.Host.Peek(store.OffsetOf(1), second);

        Assert.NotEqual(first, second);
        var back = new byte[40];
        store.Read(1, back);
        Assert.Equal(plain, back);
        Assert.Equal(2UL, store.VersionOf(1));
    }
}
