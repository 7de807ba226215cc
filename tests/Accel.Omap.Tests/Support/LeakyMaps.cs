namespace Accel.Omap.Tests.Support;

/// <summary>
/// A BOLT that flushes the page the accessed item came from (plus a fresh random bin) instead of the item's
/// candidate pair. Still a correct map, but the page it touches now depends on where the item was put, which
/// power of two choices biases toward lightly loaded bins: the obliviousness tests must catch it.
/// </summary>
internal sealed class LeakyBoltMap : BoltMap
{
    public LeakyBoltMap(BoltParameters parameters, KeyValueDataSet items, IRandomSource random) : base(parameters, random) => Load(items);

    private protected override (int First, int Second) FlushedBins(int itemBin, int first, int second) =>
        itemBin < 0 ? (first, second) : (itemBin, DrawBin());
}

/// <summary>A Path ORAM that never remaps an item after an access: the classic bug, a repeated key rereads one path.</summary>
internal sealed class LeakyPathOramMap : PathOramMap
{
    public LeakyPathOramMap(PathOramParameters parameters, KeyValueDataSet items, IRandomSource random) : base(parameters, random) => Load(items);

    private protected override int NextLeaf(int item, int currentLeaf) => currentLeaf;
}
