namespace Accel.Emulation;

/// <summary>
/// UG1399's burst preconditions (2023.2, "Preconditions and Limitations of Burst Transfer"): when same-direction
/// accesses on one channel of one m_axi bundle meet in one region, none of them is burst. A region here is one loop
/// instance's own ops (a nested loop is a region of its own); a bundle is met twice when two of its ports are
/// accessed in one direction there. (Two streams of one port never continue each other's bursts, so the
/// coalescer already makes them single-beat requests.)
/// </summary>
internal static class SharedBundles
{
    /// <summary>Which ops are accesses that may not be burst; null when there are none (no bundle is shared, or no
    /// loop meets one twice).</summary>
    public static bool[]? SingleBeatAccesses(DesignSpec design, in TraceOps ops)
    {
        var ports = design.PortArray;
        int bundles = 0;
        foreach (var port in ports)
            bundles = Math.Max(bundles, port.Bundle + 1);
        var sharers = new int[bundles];
        foreach (var port in ports)
        {
            if (port.Bundle >= 0)
                sharers[port.Bundle]++;
        }
        if (!sharers.Any(n => n > 1))
            return null; // no bundle has two ports: nothing to look for
        bool[]? single = null;
        // Per open loop: the first port seen on each bundle direction (port + 1; 0: none), and which met a second.
        var levels = new List<(int Begin, int[] First, bool[] Shared, bool Any)>();
        int depth = 0;
        for (int i = 0; i < ops.Count; i++)
        {
            ref readonly var op = ref ops[i];
            switch (op.Kind)
            {
                case TraceOpKind.LoopBegin:
                    if (levels.Count == depth)
                        levels.Add((0, new int[bundles * 2], new bool[bundles * 2], false));
                    Array.Clear(levels[depth].First);
                    Array.Clear(levels[depth].Shared);
                    levels[depth] = levels[depth] with { Begin = i, Any = false };
                    depth++;
                    break;
                case TraceOpKind.LoopEnd when depth > 0:
                    depth--;
                    if (levels[depth].Any)
                        Mark(ports, ops, levels[depth].Begin, i, levels[depth].Shared, single ??= new bool[ops.Count]);
                    break;
                case TraceOpKind.PortRead or TraceOpKind.PortWrite when depth > 0:
                {
                    int bundle = (uint)op.Index < (uint)ports.Length ? ports[op.Index].Bundle : -1;
                    if (bundle < 0)
                        break;
                    int key = bundle * 2 + (op.Kind == TraceOpKind.PortWrite ? 1 : 0);
                    var level = levels[depth - 1];
                    if (level.First[key] == 0)
                        level.First[key] = op.Index + 1;
                    else if (level.First[key] != op.Index + 1)
                    {
                        level.Shared[key] = true;
                        levels[depth - 1] = level with { Any = true };
                    }
                    break;
                }
            }
        }
        return single;
    }

    /// <summary>Marks the loop's own accesses (not its nested loops') on the bundle directions met twice.</summary>
    private static void Mark(MemoryPortSpec[] ports, in TraceOps ops, int begin, int end, bool[] shared, bool[] single)
    {
        int nested = 0;
        for (int i = begin + 1; i < end; i++)
        {
            ref readonly var op = ref ops[i];
            if (op.Kind == TraceOpKind.LoopBegin)
                nested++;
            else if (op.Kind == TraceOpKind.LoopEnd)
                nested--;
            else if (nested == 0 && op.Kind is TraceOpKind.PortRead or TraceOpKind.PortWrite && (uint)op.Index < (uint)ports.Length
                     && ports[op.Index].Bundle is var bundle and >= 0 && shared[bundle * 2 + (op.Kind == TraceOpKind.PortWrite ? 1 : 0)])
                single[i] = true;
        }
    }
}
