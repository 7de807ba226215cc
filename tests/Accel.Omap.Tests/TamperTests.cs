namespace Accel.Omap.Tests;

/// <summary>
/// The attacker changes host memory between requests: flips a bit in every page, swaps pages pairwise, or
/// puts back an old copy of memory. The next request that touches a changed page must fail with
/// <see cref="HostIntegrityException"/> naming that page, and leave nothing corrupted: once the true bytes are
/// back, the trusted audit matches the mirror and the map carries on.
/// </summary>
public abstract class TamperTests(MapKind kind)
{
    private const int Capacity = 256, ValueBytes = 16;

    [Fact]
    public void FlippedBitIsDetected()
    {
        using var setup = new Setup(kind);
        byte[] good = setup.Snapshot();
        int unit = setup.Map.TransferBytes;
        for (long offset = 7; offset < good.Length; offset += unit)
            setup.Map.Host.Poke(offset, [(byte)(good[offset] ^ 0x10)]);
        setup.AssertDetectedThenRecovers(good, tamperedUnit: _ => true);
    }

    [Fact]
    public void SwappedPagesAreDetected()
    {
        using var setup = new Setup(kind);
        byte[] good = setup.Snapshot();
        int unit = setup.Map.TransferBytes, units = MapKind.UnitCount(setup.Map);
        for (int u = 0; u + 1 < units; u += 2)
        {
            setup.Map.Host.Poke((long)u * unit, good.AsSpan((u + 1) * unit, unit));
            setup.Map.Host.Poke((long)(u + 1) * unit, good.AsSpan(u * unit, unit));
        }
        setup.AssertDetectedThenRecovers(good, tamperedUnit: u => u + 1 < units || units % 2 == 0);
    }

    [Fact]
    public void ReplayedOldPageIsDetected()
    {
        using var setup = new Setup(kind);
        byte[] old = setup.Snapshot();
        setup.Run(300);
        byte[] current = setup.Snapshot();
        int unit = setup.Map.TransferBytes;
        bool Rewritten(int u) => !old.AsSpan(u * unit, unit).SequenceEqual(current.AsSpan(u * unit, unit));
        Assert.Contains(Enumerable.Range(0, MapKind.UnitCount(setup.Map)), Rewritten);
        setup.Map.Host.Poke(0, old);
        setup.AssertDetectedThenRecovers(current, Rewritten);
    }

    private sealed class Setup : IDisposable
    {
        private readonly MapKind kind;
        private readonly SeededRandomSource random = new(31);
        private readonly Workload workload;
        private readonly MapMirror mirror;
        private long step;

        public Setup(MapKind kind)
        {
            this.kind = kind;
            var items = KeyValueDataSet.CreateRandom(Capacity * 3 / 4, ValueBytes, seed: 32);
            Map = kind.Build(Capacity, ValueBytes, items, random);
            mirror = new MapMirror(items);
            workload = new Workload(WorkloadKind.Mixed, items, Capacity, seed: 33);
            Run(200);
        }

        public IObliviousMap Map { get; }

        public byte[] Snapshot()
        {
            var image = new byte[Map.Host.Size];
            Map.Host.Peek(0, image);
            return image;
        }

        public void Run(int requests)
        {
            for (int r = 0; r < requests; r++) mirror.Check(Map, workload.Next(), step++);
        }

        /// <summary>Requests until one fails (requests that never touch the host may succeed first), then restore and verify.</summary>
        public void AssertDetectedThenRecovers(byte[] goodImage, Func<int, bool> tamperedUnit)
        {
            HostIntegrityException? caught = null;
            for (int attempt = 0; attempt < 50 && caught is null; attempt++)
            {
                try
                {
                    mirror.Check(Map, workload.Next(), step++);
                }
                catch (HostIntegrityException e)
                {
                    caught = e;
                }
            }
            Assert.NotNull(caught);
            Assert.True(tamperedUnit(caught.Page), $"reported page {caught.Page} was not tampered with");
            Assert.Contains($"page {caught.Page}", caught.Message);

            Map.Host.Poke(0, goodImage);
            mirror.AssertSameAs(kind.Audit(Map));
            Run(300);
            mirror.AssertSameAs(kind.Audit(Map));
        }

        public void Dispose()
        {
            Map.Dispose();
            workload.Dispose();
            random.Dispose();
        }
    }
}

public sealed class BoltTamperTests() : TamperTests(new BoltKind());

public sealed class PathOramTamperTests() : TamperTests(new PathOramKind());
