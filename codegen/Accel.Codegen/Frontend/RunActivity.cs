namespace Accel.Codegen.Frontend;

/// <summary>What kernel code is running right now (the kernel, and the stimulus, the reference run, the hooked
/// emulator run or the timing engine): set at phase boundaries only, never in a loop, so a watchdog that stops
/// a run past its budget can say what it stopped. With runs in parallel (dse) it names the latest to start.</summary>
public static class RunActivity
{
    private sealed record State(string Kernel, string What);

    private static volatile State? current;
    private static volatile State? latest;

    /// <summary>"kernel 'name' in what" for what runs now, or null when no kernel code runs.</summary>
    public static string? Describe() => Text(current);

    /// <summary>What runs now, else the activity that started last: where an exception that unwound it was thrown.</summary>
    public static string? DescribeLatest() => Text(current ?? latest);

    private static string? Text(State? s) => s is null ? null : $"kernel '{s.Kernel}' in {s.What}";

    /// <summary>Marks <paramref name="what"/> as running until the scope is disposed, then restores the outer activity.</summary>
    public static Scope Enter(string kernel, string what)
    {
        var outer = current;
        current = latest = new State(kernel, what);
        return new Scope(outer);
    }

    public readonly struct Scope : IDisposable
    {
        private readonly object? outer;

        internal Scope(object? outer) => this.outer = outer;

        public void Dispose() => current = (State?)outer;
    }
}
