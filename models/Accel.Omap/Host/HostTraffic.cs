namespace Accel.Omap.Host;

/// <summary>How many transfers of one kind and size happened: the unit a timing model charges per transfer.</summary>
public readonly record struct HostTransferClass(HostAccessKind Kind, int Bytes, long Count);

/// <summary>Running totals of host transfers, grouped by kind and size so a timing model can price them.</summary>
public sealed class HostTraffic
{
    // A map moves one or two fixed sizes (sealed pages or buckets), so a short list beats a dictionary.
    private readonly List<HostTransferClass> classes = [];

    public long Reads { get; private set; }

    public long Writes { get; private set; }

    public long BytesRead { get; private set; }

    public long BytesWritten { get; private set; }

    public long Transfers => Reads + Writes;

    public long Bytes => BytesRead + BytesWritten;

    /// <summary>Totals per (kind, size), in the order each class first appeared.</summary>
    public IReadOnlyList<HostTransferClass> Classes => classes.ToArray();

    internal void Count(HostAccess access)
    {
        if (access.Kind == HostAccessKind.Read) { Reads++; BytesRead += access.Bytes; }
        else { Writes++; BytesWritten += access.Bytes; }
        for (int i = 0; i < classes.Count; i++)
        {
            if (classes[i].Kind == access.Kind && classes[i].Bytes == access.Bytes)
            {
                classes[i] = classes[i] with { Count = classes[i].Count + 1 };
                return;
            }
        }
        classes.Add(new HostTransferClass(access.Kind, access.Bytes, 1));
    }
}
