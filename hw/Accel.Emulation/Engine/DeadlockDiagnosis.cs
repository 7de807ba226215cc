using System.Text;

namespace Accel.Emulation;

/// <summary>Builds the deadlock report by following each blocked process to the process it waits for.</summary>
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
            if (procs[p].Wait is not (WaitKind.FifoData or WaitKind.FifoSpace))
                throw new EmulatorInvariantException(
                    $"process '{design.Processes[p].Name}' waits on {procs[p].Wait} while no memory beat is pending");
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
            current = Partner(procs[current], fifos);
        }
        bool isCycle = !procs[current].Finished;
        var chain = isCycle ? order.Skip(seen[current]).ToList() : order;

        var text = new StringBuilder();
        text.Append($"deadlock at cycle {cycle}: every unfinished process waits and no event can wake any.\n");
        text.Append(isCycle ? "wait cycle: " : "wait chain: ");
        var fifoStates = new List<FifoDeadlockState>();
        foreach (int p in chain)
        {
            var ps = procs[p];
            var spec = design.Fifos[ps.WaitOn];
            var f = fifos[ps.WaitOn];
            var state = new FifoDeadlockState(spec.Name, f.Writes - f.Reads, spec.Depth);
            fifoStates.Add(state);
            bool reading = ps.Wait == WaitKind.FifoData;
            string partner = design.Processes[reading ? spec.Producer : spec.Consumer].Name;
            text.Append($"'{design.Processes[p].Name}' waits to {(reading ? "read" : "write")} FIFO '{spec.Name}' ");
            text.Append($"({(reading ? "empty" : "full")}: {state.Occupancy} of {state.Depth} items) ");
            text.Append($"for '{partner}' to {(reading ? "write" : "read")} it -> ");
        }
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
        text.AppendJoin("; ", procs.Select((ps, p) => (ps, p)).Where(x => !x.ps.Finished).Select(x =>
            $"'{design.Processes[x.p].Name}' at cycle {x.ps.Cycle} on " +
            $"{(x.ps.Wait == WaitKind.FifoData ? "read" : "write")} #{x.ps.WaitSeq} of '{design.Fifos[x.ps.WaitOn].Name}'"));
        text.Append('.');

        var names = chain.Select(p => design.Processes[p].Name).ToList();
        if (!isCycle)
            names.Add(design.Processes[current].Name);
        return new DeadlockException(text.ToString(), cycle, names, fifoStates, isCycle);
    }

    private static int Partner(in ProcessState ps, FifoState[] fifos)
    {
        var f = fifos[ps.WaitOn];
        return ps.Wait == WaitKind.FifoData ? f.Producer : f.Consumer;
    }
}
