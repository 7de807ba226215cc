namespace Accel.Runtime.Devices;

/// <summary>A run did not finish within the time the caller allowed; it may still finish later.</summary>
public sealed class RunTimeoutException(string kernel, TimeSpan timeout, RunState lastState)
    : TimeoutException($"kernel '{kernel}': run did not finish within {timeout.TotalMilliseconds} ms (last state {lastState})")
{
    public string Kernel { get; } = kernel;
    public TimeSpan Timeout { get; } = timeout;
    public RunState LastState { get; } = lastState;
}

/// <summary>A run ended in a state other than Completed.</summary>
public sealed class RunFailedException(string kernel, RunState state, string detail)
    : Exception($"kernel '{kernel}': run ended in state {state}{(detail.Length > 0 ? ": " + detail : "")}")
{
    public string Kernel { get; } = kernel;
    public RunState State { get; } = state;
}
