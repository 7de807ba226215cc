namespace Accel.Resources;

/// <summary>One line of an estimate: <see cref="Count"/> instances of something costing <see cref="Each"/>,
/// in the function whose source it comes from (an inlined function keeps its own name).</summary>
public sealed record CostItem(string Function, CostCategory Category, string What, long Count, ResourceVector Each)
{
    public ResourceVector Total => Each * Count;
}

/// <summary>An on-chip memory as the estimate maps it: a lookup table (ROM) or an array (RAM, or registers
/// when completely partitioned), in <see cref="Banks"/> banks (partitions, or ROM copies for parallel reads).</summary>
public sealed record MemoryItem(string Function, string Name, bool IsRom, long Depth, int Width, long Banks, Storage Storage, ResourceVector Cost)
{
    public long Bits => Depth * Width;
}

/// <summary>A resource estimate of one kernel at one configuration. These are estimates from a calibrated
/// operator table and stated assumptions (see <see cref="ResourceEstimator"/>), not synthesis results.</summary>
public sealed record ResourceEstimate(
    string Kernel,
    IReadOnlyList<CostItem> Items,
    IReadOnlyList<MemoryItem> Memories,
    IReadOnlyList<string> Notes)
{
    public ResourceVector Total => ResourceVector.Sum(Items.Select(i => i.Total));

    public long this[Resource resource] => Total[resource];

    public IReadOnlyDictionary<string, ResourceVector> ByFunction => Items.GroupBy(i => i.Function)
        .ToDictionary(g => g.Key, g => ResourceVector.Sum(g.Select(i => i.Total)));

    public IReadOnlyDictionary<CostCategory, ResourceVector> ByCategory => Items.GroupBy(i => i.Category)
        .ToDictionary(g => g.Key, g => ResourceVector.Sum(g.Select(i => i.Total)));

    /// <summary>Bits of every lookup table, once (not counting copies).</summary>
    public long RomBits => Memories.Where(m => m.IsRom).Sum(m => m.Bits);
}
