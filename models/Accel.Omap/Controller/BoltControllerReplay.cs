using Accel.Kernels.Omap;
using Accel.Omap.Bench;
using Accel.Omap.Bolt;
using Accel.Omap.Host;
using Accel.Omap.Randomness;

namespace Accel.Omap.Controller;

/// <summary>What BoltMap did on one request: its verdict, what the host saw flushed, and where the item went.</summary>
public readonly record struct BoltAccessOutcome(int Status, bool Found, int FlushCount, int Page0, int Page1, int ChosenBin, int QueueLength);

/// <summary>One batch run by BoltMap and by the omap_controller kernel from the same state and generator position
/// (<see cref="MapGeneratorCount"/>: the generator's counter on BoltMap's side after the batch; <see cref="KernelState"/>:
/// the kernel's state after the batch, its own counter included; <see cref="ValueInHbm"/>: per request, whether the
/// key's value sat in HBM, in an HBM bin or the eviction queue, when the request came, for the timing model).</summary>
public sealed record BoltControllerReplay(
    IReadOnlyList<BoltAccessOutcome> MapOutcomes,
    int[] Decisions,
    OmapControllerState KernelState,
    ulong MapGeneratorCount,
    HostTrace HostTrace,
    bool[] ValueInHbm);

/// <summary>
/// Runs a batch on a BoltMap that draws from the kernel's generator, then gives the omap_controller kernel (its C#
/// form) the map's state from before the batch, the same requests, and the generator's seed and counter as they
/// were. Equal decisions mean the kernel is BoltMap's controller logic; the timing model also takes the kernel's
/// probe counts from here.
/// </summary>
public static class BoltControllerReplayer
{
    public static BoltControllerReplay Run(BoltMap map, ControllerRandomSource random, IReadOnlyList<MapOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(operations);
        var before = map.ExportControllerState();
        before.Seed = random.Seed;
        before.Generator[0] = random.Drawn;
        var parameters = map.Parameters;
        var trace = new HostTrace();
        var previousTrace = map.Host.Trace;
        map.Host.Trace = trace;
        var outcomes = new BoltAccessOutcome[operations.Count];
        var valueInHbm = new bool[operations.Count];
        var value = new byte[map.ValueBytes];
        try
        {
            for (int i = 0; i < operations.Count; i++)
            {
                trace.BeginOperation();
                int bin = map.BinOfKey(operations[i].Key);
                valueInHbm[i] = bin >= 0 && (bin < parameters.HbmBinCount || map.IsQueued(operations[i].Key));
                outcomes[i] = Observe(map, operations[i], value, trace, i);
            }
        }
        finally
        {
            map.Host.Trace = previousTrace;
        }

        var kernel = new OmapController(parameters.Capacity, parameters.ItemsPerBin, parameters.HbmBinCount,
            parameters.SlotsPerPage, parameters.QueueBound);
        var codes = operations.Select(o => o.Kind switch
        {
            MapOperationKind.Get => OmapControllerLayout.Get,
            MapOperationKind.Put => OmapControllerLayout.Put,
            _ => OmapControllerLayout.Delete,
        }).ToArray();
        var decisions = before.Run(kernel, codes, operations.Select(o => o.Key).ToArray());
        return new BoltControllerReplay(outcomes, decisions, before, random.Drawn, trace, valueInHbm);
    }

    private static BoltAccessOutcome Observe(BoltMap map, MapOperation operation, Span<byte> value, HostTrace trace, int index)
    {
        int status = OmapControllerLayout.Done;
        bool found = false;
        try
        {
            found = MapDriver.Apply(map, operation, value);
        }
        catch (OmapCapacityException)
        {
            status = OmapControllerLayout.MapFull;
        }
        catch (OmapBoundExceededException e)
        {
            status = e.Bound == "bin load" ? OmapControllerLayout.BinLoadBound : OmapControllerLayout.QueueBound;
        }
        // The host sees the flushed pages as the reads of this request, in order (then the same pages written).
        var accesses = trace.Operation(index);
        int reads = 0, page0 = -1, page1 = -1;
        foreach (var access in accesses)
        {
            if (access.Kind != HostAccessKind.Read) continue;
            int page = (int)(access.Offset / map.TransferBytes);
            if (reads++ == 0) page0 = page;
            else page1 = page;
        }
        bool stays = status == OmapControllerLayout.Done
            && (operation.Kind == MapOperationKind.Put || (operation.Kind == MapOperationKind.Get && found));
        return new BoltAccessOutcome(status, found, reads, page0, page1, stays ? map.BinOfKey(operation.Key) : -1, map.QueueLength);
    }
}
