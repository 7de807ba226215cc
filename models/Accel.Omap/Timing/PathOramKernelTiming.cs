using System.Buffers.Binary;
using Accel.Codegen.Frontend;
using Accel.Emulation.Kernels;
using Accel.Hw;
using Accel.Kernels.Omap;
using Accel.Omap.Bench;
using Accel.Kernels.Catalog;

namespace Accel.Omap.Timing;

/// <summary>What the emulator gives for a batch on the path_oram_controller kernel, plus AES-GCM for the path.</summary>
/// <param name="KernelCycles">the emulator's cycles for the kernel (position map, path stream over PCIe, stash, eviction).</param>
/// <param name="GcmCycles">AES-GCM added per request: decrypt and re-seal every bucket of the path at the rate of
/// <see cref="OmapTimingModel.GcmBytesPerCycle"/> (the kernel moves plaintext; a real design seals buckets).</param>
public sealed record PathOramKernelRun(long KernelCycles, long GcmCycles, int[] Decisions, int StashAfter)
{
    public long TotalCycles => KernelCycles + GcmCycles;
}

/// <summary>
/// Runs Accel's own Path ORAM baseline: the path_oram_controller kernel through the cycle-level emulator on a U55C
/// (tree in host memory across PCIe, position map in HBM), built with the bench's items and given its requests.
/// </summary>
public static class PathOramKernelTiming
{
    /// <summary>The stash bound R of DESIGN.md ("Path ORAM stash").</summary>
    public const int StashBound = 100;

    public static PathOramKernelRun Run(KeyValueDataSet items, int capacity, IReadOnlyList<MapOperation> operations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(operations);
        int valueWords = (items.ValueBytes + sizeof(ulong) - 1) / sizeof(ulong);
        int depth = PathOramLayout.Depth(capacity);
        var state = new PathOramControllerState(capacity, depth, valueWords, StashBound) { Salt = seed ^ 0x5A17UL, Seed = seed };
        state.Build([.. Enumerable.Range(0, items.Count).Select(i => (items.Key(i), Words(items.Value(i), valueWords)))]);

        var values = new ulong[operations.Count * valueWords];
        var value = new byte[items.ValueBytes];
        for (int r = 0; r < operations.Count; r++)
        {
            if (operations[r].Kind != MapOperationKind.Put) continue;
            ValuePattern.Fill(operations[r].Key, operations[r].ValueVersion, value);
            Words(value, valueWords).CopyTo(values, r * valueWords);
        }
        var stimulus = new Stimulus(0);
        PathOramControllerStimulus.Load(stimulus, state, [.. operations.Select(o => (int)o.Kind)], [.. operations.Select(o => o.Key)], values);

        var project = KernelCatalog.BuiltIn;
        var kernel = KernelCatalog.Find(project, "path_oram_controller");
        var config = KernelConfig.Resolve(kernel, null,
            [$"capacity={capacity}", $"depth={depth}", $"valueWords={valueWords}", $"stashBound={StashBound}"]);
        var result = KernelEmulator.Run(project, kernel, config, stimulus, new KernelEmulator.Options(OmapTimingModel.DefaultClockMhz));
        var decisions = (int[])result.Outputs["decisions"];
        int sealedBucket = PathOramLayout.BucketWords(valueWords) * sizeof(ulong) + 16;
        long perPath = 2 * (OmapTimingModel.GcmLatencyCycles + (long)(depth + 1) * ((sealedBucket + OmapTimingModel.GcmBytesPerCycle - 1) / OmapTimingModel.GcmBytesPerCycle));
        int paths = Enumerable.Range(0, operations.Count).Count(r => decisions[r * PathOramLayout.DecisionWords + PathOramLayout.LeafField] >= 0);
        int stash = ((int[])result.Outputs["counters"])[PathOramLayout.StashCountCounter];
        return new PathOramKernelRun(result.Report.TotalCycles, paths * perPath, decisions, stash);
    }

    private static ulong[] Words(ReadOnlySpan<byte> bytes, int words)
    {
        var result = new ulong[words];
        Span<byte> padded = stackalloc byte[words * sizeof(ulong)];
        bytes.CopyTo(padded);
        for (int w = 0; w < words; w++) result[w] = BinaryPrimitives.ReadUInt64LittleEndian(padded[(w * 8)..]);
        return result;
    }
}
