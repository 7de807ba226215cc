using Accel.Codegen.Ir;

namespace Accel.Emulation.Kernels.Schedule;

/// <summary>A lower bound on a pipelined loop's II and why, in the words of a Vitis schedule report.</summary>
internal sealed record IiBound(int II, string Reason);

/// <param name="VariableBoundLoops">lines of loops inside that cannot be unrolled (no constant trip count)</param>
/// <param name="TruncatedLoops">lines of unrolled loops too long to walk whole (the first copies were walked)</param>
/// <param name="Complete">false when the body was too large to walk whole within the budget</param>
/// <param name="Cautions">what Vitis may bound the II by that the schedule leaves to the engine's run-time stalls</param>
internal sealed record PipelineConstraintSet(IReadOnlyList<IiBound> Bounds, IReadOnlyList<int> VariableBoundLoops, IReadOnlyList<int> TruncatedLoops, bool Complete)
{
    public IReadOnlyList<string> Cautions { get; init; } = [];
}

/// <summary>The II a pipelined loop can reach, bound by UG1399's rules: recurrences (a value an iteration needs
/// from the one before, through a scalar or an on-chip array, including long-latency operators), resources (two
/// ports per block RAM bank, one read and one write channel per m_axi bundle, one port per FIFO), and exit tests
/// (the next iteration issues once the exit is decided).</summary>
internal static class PipelineConstraints
{
    private const int MaxElementWalks = 256;

    /// <param name="dependences">the loop's Hls.Dependence directives: what the user asserts about arrays</param>
    public static PipelineConstraintSet Of(IterationContext context, IReadOnlyCollection<DependenceDirective> dependences)
    {
        var bounds = new List<IiBound>();
        IterationWalk? accesses = null;
        try
        {
            accesses = IterationWalk.Run(context, WalkMode.Accesses);
            bounds.AddRange(MemoryPorts(context, accesses.Accesses));
            bounds.AddRange(Bundles(context, accesses.Accesses));
            bounds.AddRange(Streams(accesses));
            bounds.AddRange(SharedInstances(context, accesses));
            bounds.AddRange(ScalarRecurrences(context));
            bounds.AddRange(ArrayRecurrences(context, accesses, dependences));
            bounds.AddRange(Exits(context));
            return new PipelineConstraintSet(bounds, accesses.VariableBoundLoops, accesses.TruncatedLoops, Complete: true)
                { Cautions = [.. SinglePortBeats(context, accesses.Accesses)] };
        }
        catch (AnalysisTooLongException)
        {
            // what was found stands; the rest is not known, and the report says so
            return new PipelineConstraintSet(bounds, accesses?.VariableBoundLoops ?? [], accesses?.TruncatedLoops ?? [], Complete: false);
        }
    }

    private static IEnumerable<IiBound> ScalarRecurrences(IterationContext context)
    {
        var scalars = context.Varying.Where(v => v.Type is IntType or FloatType or BoolType or ApType && !ReferenceEquals(v, context.Induction))
            .OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
        var walks = new List<IterationWalk>();
        foreach (var v in scalars)
        {
            var walk = IterationWalk.Run(context, WalkMode.Scalar, v);
            walks.Add(walk);
            var end = walk.TrackedEnd;
            if (!walk.TrackedWritten || !end.Depends || Cycles(end.Latency) <= 1) continue;
            yield return new IiBound(Cycles(end.Latency), $"carried dependence through '{v.Name}' ({Describe(end)}) at {context.File}:{walk.TrackedLine}");
        }
        if (RecurrenceCycles.Worst(scalars, (from, to) => walks[from].EndOf(scalars[to])) is { } cycle)
            yield return new IiBound(cycle.II, $"carried dependence through {string.Join(" -> ", cycle.Variables.Select(v => $"'{v.Name}'"))} -> '{cycle.Variables[0].Name}' " +
                $"({cycle.Latency:0.##} cycles over {cycle.Variables.Count} iterations) at {context.File}:{walks[scalars.IndexOf(cycle.Variables[0])].TrackedLine}");
    }

    private static IEnumerable<IiBound> ArrayRecurrences(IterationContext context, IterationWalk accesses, IReadOnlyCollection<DependenceDirective> dependences)
    {
        var written = accesses.Accesses.Where(a => a.Write && a.Root.Kind is MemoryKind.OnChip or MemoryKind.Registers).Select(a => a.Root).Distinct();
        foreach (var root in written)
        {
            var asserted = dependences.FirstOrDefault(d => ReferenceEquals(context.Roots.Resolve(d.Array), root.Key));
            if (asserted is { Carried: false }) continue;
            long least = Math.Max(1, asserted?.Distance ?? 0);
            // One walk per element written (their chains are separate registers or words), or one for all when
            // the indices are not known or too many.
            var writes = accesses.Accesses.Where(a => a.Write && a.Root == root).Select(a => a.Index).ToList();
            var elements = writes.Any(w => w is null) || writes.Count > MaxElementWalks
                ? [null]
                : writes.DistinctBy(w => context.Key(w!)).ToList();
            var carried = elements.SelectMany(e => IterationWalk.Run(context, WalkMode.Array, new ArrayElement(root, e)).CarriedWrites);
            var worst = carried.Select(w => Math.Max(least, w.Distance) is var d ? (II: Cycles(w.Value.Latency / d), w.Value, Distance: d, w.Line) : default)
                .OrderByDescending(w => w.II).FirstOrDefault();
            if (worst.II <= 1) continue;
            string apart = worst.Distance > 1 ? $", {worst.Distance} iterations apart" : "";
            yield return new IiBound(worst.II, $"carried dependence through array '{root.Name}' (read-modify-write{apart}: {Describe(worst.Value)}) at {context.File}:{worst.Line}");
        }
    }

    /// <summary>Two ports per block RAM bank, reads and writes alike; the same element read twice is one read, and
    /// so are two elements of one word of a reshaped array (when the indices tell they share it).
    /// An access whose bank the index does not tell counts against every bank evenly (an optimistic reading of
    /// what Vitis's bank multiplexer does). Lookup tables are ROMs, which Vitis copies to give each read its
    /// own port, so they do not bound the II (they cost memory instead).</summary>
    private static IEnumerable<IiBound> MemoryPorts(IterationContext context, IReadOnlyList<MemoryAccess> accesses)
    {
        foreach (var group in accesses.Where(a => a.Root.Kind == MemoryKind.OnChip).GroupBy(a => a.Root))
        {
            var root = group.Key;
            var distinct = Distinct(context, group);
            int banks = Math.Max(1, root.Banks);
            var perBank = new long[Math.Min(banks, 1 << 16)];
            long anyBank = 0;
            foreach (var a in distinct)
            {
                if (root.BankOf(a.Index) is { } bank && bank < perBank.Length) perBank[bank]++;
                else anyBank++;
            }
            long busiest = perBank.Max() + (anyBank + banks - 1) / banks;
            int ii = (int)Math.Ceiling(busiest / 2.0);
            if (ii <= 1) continue;
            string layout = banks == 1 ? "1 bank" : $"{banks} banks";
            yield return new IiBound(ii, $"limited memory ports on '{root.Name}' ({distinct.Count} accesses per iteration, {layout} of 2 ports)");
        }
    }

    /// <summary>Each m_axi bundle has one read and one write channel, one beat per cycle each, shared by every
    /// port on it: when an iteration uses two or more ports of one bundle in one direction, their beats queue on
    /// that channel. Accesses to consecutive elements inside one iteration share a beat of the port's width.
    /// Several beats of a single port are left to the engine, which serialises them at run time (stalls); see
    /// <see cref="SinglePortBeats"/>.</summary>
    private static IEnumerable<IiBound> Bundles(IterationContext context, IReadOnlyList<MemoryAccess> accesses)
    {
        foreach (var bundle in accesses.Where(a => a.Root.Kind == MemoryKind.Port).GroupBy(a => a.Root.Port!.Bundle))
        {
            foreach (bool write in new[] { false, true })
            {
                var ports = bundle.Where(a => a.Write == write).GroupBy(a => a.Root).ToList();
                if (ports.Count < 2) continue;
                long beats = ports.Sum(p => Beats(context, p.Key, Distinct(context, p)));
                string names = string.Join(", ", ports.Select(p => $"'{p.Key.Name}'"));
                string direction = write ? "write" : "read";
                yield return new IiBound((int)Math.Min(int.MaxValue, beats),
                    $"m_axi bundle '{bundle.Key}' is shared by {names}: {beats} {direction} beats per iteration on its one {direction} channel " +
                    "(and no burst: UG1399 gives none to same-direction accesses of one bundle in one region, so each is a request of its own, in the emulator too)");
            }
        }
    }

    /// <summary>Several beats an iteration on one m_axi port, alone on its bundle's channel in that direction: Vitis
    /// schedules each as a bus request on that one channel, so unless it can coalesce them (the indices of one
    /// beat, which the analysis proves only for neighbours at one symbolic base) its II is at least their number.
    /// Bounding the II by them moves attention and the linear unit 10-30x, because their row indices cannot be
    /// placed (README, "Not applied yet"); so the II stays, the engine serialises the beats at run time, and the
    /// report says so.</summary>
    private static IEnumerable<string> SinglePortBeats(IterationContext context, IReadOnlyList<MemoryAccess> accesses)
    {
        foreach (var bundle in accesses.Where(a => a.Root.Kind == MemoryKind.Port).GroupBy(a => a.Root.Port!.Bundle))
        {
            foreach (bool write in new[] { false, true })
            {
                var ports = bundle.Where(a => a.Write == write).GroupBy(a => a.Root).ToList();
                if (ports.Count != 1) continue; // none, or the bundle rule bounds the II
                var distinct = Distinct(context, ports[0]);
                long beats = Beats(context, ports[0].Key, distinct);
                if (beats < 2) continue;
                string direction = write ? "write" : "read";
                yield return $"m_axi port '{ports[0].Key.Name}' (bundle '{bundle.Key}') is {(write ? "written" : "read")} {distinct.Count} times per iteration, {beats} beats as far as " +
                    $"the analysis can place them: Vitis issues them as bus {direction} requests on the bundle's one {direction} channel and reports II >= {beats} " +
                    "(limited memory ports) unless it coalesces them, and infers no burst for them (same-direction accesses of one bundle in one region); " +
                    "the emulator keeps the II and times the beats at run time: an access that continues the one before shares its burst, any other is a " +
                    "request of its own (the pipeline stalls while they queue)";
            }
        }
    }

    private static long Beats(IterationContext context, MemoryRoot port, IReadOnlyList<MemoryAccess> accesses)
    {
        int elementBytes = IrTypes.ByteSize(port.Element);
        int beatBytes = Math.Max(elementBytes, port.Port!.WidthBits / 8);
        long beats = accesses.Count(a => a.Index is null);
        // accesses at one symbolic base (the index less its constant), offsets sorted into runs of neighbours
        foreach (var run in accesses.Where(a => a.Index is not null).GroupBy(a => context.Key(a.Index! with { Constant = 0 }), a => a.Index!.Constant))
        {
            var offsets = run.Distinct().Order().ToList();
            int start = 0;
            for (int i = 1; i <= offsets.Count; i++)
            {
                if (i < offsets.Count && offsets[i] == offsets[i - 1] + 1) continue;
                long bytes = (long)(i - start) * elementBytes;
                beats += (bytes + beatBytes - 1) / beatBytes;
                start = i;
            }
        }
        return beats;
    }

    private static IEnumerable<IiBound> Streams(IterationWalk accesses)
    {
        foreach (var (counts, verb) in new[] { (accesses.StreamReads, "read"), (accesses.StreamWrites, "written") })
            foreach (var (stream, n) in counts.Where(c => c.Value > 1).OrderBy(c => c.Key, StringComparer.Ordinal))
                yield return new IiBound(n, $"stream '{stream}' {verb} {n} times per iteration (one FIFO port)");
    }

    /// <summary>Hls.Allocation: k calls an iteration on `limit` instances of a function take ceil(k / limit) turns,
    /// each the callee's own interval (its function-level II when it is pipelined; otherwise 1, as the calls are
    /// timed inlined into the iteration).</summary>
    private static IEnumerable<IiBound> SharedInstances(IterationContext context, IterationWalk accesses)
    {
        foreach (var (function, limit) in context.Allocations.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            int calls = accesses.Calls.GetValueOrDefault(function);
            if (calls <= limit) continue;
            int interval = context.Functions.TryGetValue(function, out var callee) && Directives.Find<PipelineDirective>(callee.Body) is { } p ? p.II : 1;
            long turns = (calls + limit - 1) / limit;
            yield return new IiBound((int)Math.Min(int.MaxValue, turns * interval),
                $"function '{function}' is called {calls} times per iteration on {limit} instance{(limit == 1 ? "" : "s")} (ALLOCATION limit={limit})");
        }
    }

    private static IEnumerable<IiBound> Exits(IterationContext context)
    {
        var timing = IterationWalk.Run(context, WalkMode.Timing);
        foreach (var (condition, line) in timing.Exits)
            if (condition.Depends && Cycles(condition.Latency) > 1)
                yield return new IiBound(Cycles(condition.Latency), $"early exit at {context.File}:{line} is decided {condition.Latency:0.##} cycles into the iteration{(condition.Op is null ? "" : $" ({condition.Op})")}; the next iteration waits for it");
    }

    /// <summary>Accesses that are distinct hardware operations: accesses known to reach the same place (element, or
    /// word of a reshaped array) in the same direction merge, unknown ones never do.</summary>
    private static List<MemoryAccess> Distinct(IterationContext context, IEnumerable<MemoryAccess> accesses)
    {
        var seen = new HashSet<(bool, string)>();
        var result = new List<MemoryAccess>();
        foreach (var a in accesses)
            if (a.Root.PlaceOf(a.Index) is not { } place || seen.Add((a.Write, context.Key(place)))) result.Add(a);
        return result;
    }

    private static int Cycles(double latency) => Math.Max(1, (int)Math.Ceiling(latency - 1e-9));

    private static string Describe(Dep d) => d.Op is null ? $"{d.Latency:0.##} cycles" : $"{d.Op}, {d.Latency:0.##} cycles";
}
