namespace Accel.Emulation;

/// <summary>
/// Entry point of the timing engine: a design plus one recorded trace per process in, cycle figures out.
/// Functional values never enter; the engine only schedules the recorded events. Deterministic: the same
/// inputs give the same figures.
/// </summary>
public static class TimingEngine
{
    /// <param name="traces">one trace per process, in <see cref="DesignSpec.Processes"/> order.</param>
    /// <param name="activity">when given, filled with per-cycle activity for <see cref="VcdWriter"/> and
    /// <see cref="ChromeTraceWriter"/>; when null nothing is recorded.</param>
    /// <exception cref="TraceFormatException">a trace breaks the trace rules.</exception>
    /// <exception cref="DeadlockException">the processes block each other for ever.</exception>
    public static TimingReport Run(DesignSpec design, IReadOnlyList<ProcessTrace> traces, ActivityLog? activity = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(traces);
        if (traces.Count != design.Processes.Count)
            throw new ArgumentException(
                $"expected one trace per process ({design.Processes.Count}), got {traces.Count}", nameof(traces));
        var programs = new ProcessProgram[traces.Count];
        for (int p = 0; p < programs.Length; p++)
        {
            var trace = traces[p] ?? throw new ArgumentException($"trace {p} is null; pass ProcessTrace.Empty for an idle process", nameof(traces));
            programs[p] = TraceCompiler.Compile(design, p, trace);
        }

        if (activity is null)
            return new Simulation<NoActivity>(design, programs, default).Run();
        activity.Begin(design);
        return new Simulation<RecordActivity>(design, programs, new RecordActivity(activity)).Run();
    }
}
