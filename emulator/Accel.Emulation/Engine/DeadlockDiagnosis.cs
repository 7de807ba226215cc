using System.Text;

namespace Accel.Emulation;

/// <summary>
/// Builds the deadlock report by following each blocked process to the process it waits for. A process
/// waiting on its own port with no beat pending is a cycle of one: the burst holding the slot (or carrying
/// the data) needs an op of the very pipeline cycle that waits, which happens only when all of them can.
/// </summary>
internal static class DeadlockDiagnosis
{
    public static DeadlockException Describe(DesignSpec design, ProcessState[] procs, FifoState[] fifos)
    {
        long cycle = 0;
        int start = -1;
        for (int p = 0; p < procs.Length; p++)
        {
            if (procs[p].Finished)
                continue;
            if (procs[p].Wait == WaitKind.None)
                throw new EmulatorInvariantException($"process '{design.Processes[p].Name}' is neither finished nor waiting");
            cycle = Math.Max(cycle, procs[p].Cycle);
            if (start < 0)
                start = p;
        }

        // Each blocked process waits for exactly one other; walking those edges ends in a cycle or a finished process.
        var order = new List<int>();
        var seen = new Dictionary<int, int>();
        int current = start;
        while (!procs[current].Finished && seen.TryAdd(current, order.Count))
        {
            order.Add(current);
            current = Partner(procs[current], current, fifos);
        }
        bool isCycle = !procs[current].Finished;
        var chain = isCycle ? order.Skip(seen[current]).ToList() : order;

        var text = new StringBuilder();
        text.Append($"deadlock at cycle {cycle}: every unfinished process waits and no event can wake any.\n");
        text.Append(isCycle ? "wait cycle: " : "wait chain: ");
        var fifoStates = new List<FifoDeadlockState>();
        foreach (int p in chain)
            text.Append(DescribeWait(design, procs[p], p, fifos, fifoStates)).Append(" -> ");
        if (isCycle)
        {
            text.Append($"back to '{design.Processes[current].Name}'.\n");
        }
        else
        {
            var last = fifos[procs[chain[^1]].WaitOn];
            text.Append($"'{design.Processes[current].Name}' has finished ");
            text.Append($"(it wrote {last.Writes} and read {last.Reads} items of that FIFO).\n");
        }
        text.Append("blocked: ");
        text.AppendJoin("; ", Enumerable.Range(0, procs.Length).Where(p => !procs[p].Finished).Select(p =>
            $"'{design.Processes[p].Name}' at cycle {procs[p].Cycle} on {WaitTarget(design, procs[p])}"));
        text.Append('.');

        var names = chain.Select(p => design.Processes[p].Name).ToList();
        if (!isCycle)
            names.Add(design.Processes[current].Name);
        return new DeadlockException(text.ToString(), cycle, names, fifoStates, isCycle);
    }

    private static string DescribeWait(
        DesignSpec design, in ProcessState ps, int p, FifoState[] fifos, List<FifoDeadlockState> fifoStates)
    {
        string name = design.Processes[p].Name;
        if (ps.Wait is WaitKind.BeatDone or WaitKind.BurstDone)
        {
            var port = design.Ports[Lanes.Port(ps.WaitOn)];
            return $"'{name}' waits on port '{port.Name}' ({(Lanes.IsWrite(ps.WaitOn) ? "write" : "read")}, " +
                $"{port.MaxOutstanding} outstanding) for a burst that needs an op of the same pipeline cycle " +
                "(the cycle opens more bursts than may be outstanding)";
        }
        var spec = design.Fifos[ps.WaitOn];
        var f = fifos[ps.WaitOn];
        var state = new FifoDeadlockState(spec.Name, f.Writes - f.Reads, spec.Depth);
        fifoStates.Add(state);
        bool reading = ps.Wait == WaitKind.FifoData;
        string partner = design.Processes[reading ? spec.Producer : spec.Consumer].Name;
        return $"'{name}' waits to {(reading ? "read" : "write")} FIFO '{spec.Name}' " +
            $"({(reading ? "empty" : "full")}: {state.Occupancy} of {state.Depth} items) " +
            $"for '{partner}' to {(reading ? "write" : "read")} it";
    }

    private static string WaitTarget(DesignSpec design, in ProcessState ps) => ps.Wait switch
    {
        WaitKind.FifoData => $"read #{ps.WaitSeq} of FIFO '{design.Fifos[ps.WaitOn].Name}'",
        WaitKind.FifoSpace => $"write #{ps.WaitSeq} of FIFO '{design.Fifos[ps.WaitOn].Name}'",
        WaitKind.BeatDone => $"beat #{ps.WaitSeq} of port '{design.Ports[Lanes.Port(ps.WaitOn)].Name}'",
        _ => $"burst #{ps.WaitSeq} of port '{design.Ports[Lanes.Port(ps.WaitOn)].Name}'",
    };

    private static int Partner(in ProcessState ps, int self, FifoState[] fifos) => ps.Wait switch
    {
        WaitKind.FifoData => fifos[ps.WaitOn].Producer,
        WaitKind.FifoSpace => fifos[ps.WaitOn].Consumer,
        _ => self,
    };
}
