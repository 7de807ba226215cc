namespace Accel.Codegen.Reference;

/// <summary>What kernel code is running right now: the kernel, the phase (the stimulus, the reference run, the
/// hooked emulator run, the timing engine) and, in the hooked run, the dataflow process and the innermost loop,
/// so a watchdog that stops a run past its budget can say what it stopped. Phases are set at their boundaries;
/// the loop and process by the emulator's hooks at loop entry and exit (one volatile write of a string made when
/// the kernel was rewritten, nothing allocated).
/// Each thread keeps its own activity; the watchdog, on another thread, names the latest run to start.</summary>
public static class RunActivity
{
    /// <summary>Whether the phase can name its loop: only the emulator's hooked copy reports loops.</summary>
    public enum Loops { NotKernelCode, Unknown, Hooked }

    internal sealed class State(string kernel, string what, Loops loops)
    {
        public string Kernel { get; } = kernel;
        public string What { get; } = what;
        public Loops Loops { get; } = loops;
        public volatile string? Loop;
        public volatile string? Process;

        /// <summary>Set when an exception starts to unwind the kernel's loops: their exits no longer move the loop,
        /// so the message names the loop the exception (an out-of-memory, a refusal) came from.</summary>
        public volatile bool Unwinding;
    }

    // Each run's hooks write to the activity of their own thread; a run's phases nest on that thread. Runs on other
    // threads (dse, the tests) start and end in any order, so the process-wide view is the set still running.
    [ThreadStatic] private static State? onThisThread;
    [ThreadStatic] private static State? latestOnThisThread;
    private static readonly List<State> running = [];
    private static State? latestStarted;

    /// <summary>"kernel 'name' in what[, process, loop]" for what this thread runs now, else for the run started last
    /// of those still running on other threads (the watchdog's view), or null when no kernel code runs.</summary>
    public static string? Describe() => Text(onThisThread ?? LatestRunning());

    /// <summary>What runs now, else the activity that started last (on this thread first): where an exception that
    /// unwound it was thrown.</summary>
    public static string? DescribeLatest() => Text(onThisThread ?? latestOnThisThread ?? LatestRunning() ?? latestStarted);

    private static State? LatestRunning()
    {
        lock (running) return running.Count > 0 ? running[^1] : null;
    }

    private static string? Text(State? s)
    {
        if (s is null) return null;
        var text = $"kernel '{s.Kernel}' in {s.What}";
        if (s.Loops == Loops.Unknown) return text + " (the loop is not known: this run of the kernel's C# has no loop hooks)";
        if (s.Loops == Loops.NotKernelCode) return text;
        if (s.Process is { } process) text += $", dataflow process {process}";
        return text + (s.Loop is { } loop ? $", in the loop {loop}" : ", outside any loop");
    }

    /// <summary>Marks <paramref name="what"/> as running until the scope is disposed, then restores the outer activity.</summary>
    public static Scope Enter(string kernel, string what, Loops loops)
    {
        var state = new State(kernel, what, loops);
        var outer = onThisThread;
        onThisThread = latestOnThisThread = state;
        lock (running)
        {
            running.Add(state);
            latestStarted = state;
        }
        return new Scope(state, outer);
    }

    /// <summary>The innermost loop of the hooked run now (null: outside any loop).</summary>
    public static void InLoop(string? loop)
    {
        if (onThisThread is { Unwinding: false } s) s.Loop = loop;
    }

    /// <summary>The dataflow process of the hooked run now (null: the top function itself).</summary>
    public static void InProcess(string? process)
    {
        if (onThisThread is { Unwinding: false } s) s.Process = process;
    }

    /// <summary>Called from an exception filter at the innermost loop, which runs before any loop's exit hook:
    /// freezes the loop and process. Returns false, so the filter never catches.</summary>
    public static bool Unwinding()
    {
        if (onThisThread is { } s) s.Unwinding = true;
        return false;
    }

    public readonly struct Scope : IDisposable
    {
        private readonly State state;
        private readonly State? outer;

        internal Scope(State state, State? outer) => (this.state, this.outer) = (state, outer);

        public void Dispose()
        {
            onThisThread = outer;
            lock (running) running.Remove(state);
        }
    }
}
