namespace Accel.Runtime.Devices;

/// <summary>
/// Backend-neutral rules for waiting on a run: how a timeout is passed down and what the state a wait
/// returned means. Every backend's Wait ends here, so they agree on timeouts and failures.
/// </summary>
public static class RunOutcome
{
    /// <summary>
    /// Milliseconds to pass to the backend, or null to wait without limit. Zero and negative timeouts are
    /// refused because XRT reads a 0 ms timeout as "no timeout"; partial milliseconds round up.
    /// </summary>
    public static uint? TimeoutMilliseconds(TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
            return null;
        if (timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout,
                "a wait timeout must be positive; use Timeout.InfiniteTimeSpan to wait without limit");
        var ms = Math.Ceiling(timeout.TotalMilliseconds);
        if (ms > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout,
                $"a wait timeout must be at most {uint.MaxValue} ms; use Timeout.InfiniteTimeSpan to wait without limit");
        return (uint)ms;
    }

    /// <summary>
    /// Interprets the state a wait returned: Completed returns; a state that is still in flight means the
    /// timeout passed (<see cref="RunTimeoutException"/>); anything else is a failure, with
    /// <paramref name="failureDetail"/> asked for only then (e.g. the device's last error).
    /// </summary>
    public static void Check(string kernel, RunState state, TimeSpan timeout, Func<string> failureDetail)
    {
        switch (state)
        {
            case RunState.Completed:
                return;
            case RunState.New or RunState.Queued or RunState.Running or RunState.Submitted:
                throw new RunTimeoutException(kernel, timeout, state);
            default:
                throw new RunFailedException(kernel, state, failureDetail());
        }
    }
}
