using System.Runtime.InteropServices;

namespace Accel.Omap.Host;

/// <summary>
/// Every transfer a map makes, in order, cut into operations. The driver (not the map) marks where each request
/// starts, as an attacker can from the arrival of requests; the obliviousness tests compare these traces.
/// </summary>
public sealed class HostTrace
{
    private readonly List<HostAccess> accesses = [];
    private readonly List<int> operationStarts = [];

    public int OperationCount => operationStarts.Count;

    public int AccessCount => accesses.Count;

    /// <summary>Starts a new operation; the transfers recorded from now on belong to it.</summary>
    public void BeginOperation() => operationStarts.Add(accesses.Count);

    /// <summary>The transfers of operation <paramref name="index"/>, in the order they happened.</summary>
    public ReadOnlySpan<HostAccess> Operation(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, OperationCount);
        int start = operationStarts[index];
        int end = index + 1 < operationStarts.Count ? operationStarts[index + 1] : accesses.Count;
        return CollectionsMarshal.AsSpan(accesses)[start..end];
    }

    internal void Record(HostAccess access)
    {
        if (operationStarts.Count == 0)
            throw new InvalidOperationException("HostTrace: call BeginOperation before the map's first transfer is recorded.");
        accesses.Add(access);
    }
}
