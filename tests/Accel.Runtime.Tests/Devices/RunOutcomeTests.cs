namespace Accel.Runtime.Tests.Devices;

/// <summary>
/// The wait rules every backend's Wait ends in (the XRT run passes xrtRunWaitFor's result here).
/// XRT's noop driver never reports a timed-out wait (its wait spins until completion), so the timeout
/// outcome is tested here with the states a real card returns when the timeout passes.
/// </summary>
public sealed class RunOutcomeTests
{
    [Fact]
    public void Infinite_timeout_means_no_limit_and_partial_milliseconds_round_up()
    {
        Assert.Null(RunOutcome.TimeoutMilliseconds(Timeout.InfiniteTimeSpan));
        Assert.Equal(2u, RunOutcome.TimeoutMilliseconds(TimeSpan.FromMilliseconds(1.2)));
        Assert.Equal(5000u, RunOutcome.TimeoutMilliseconds(TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    [InlineData(5e9)]
    public void Zero_negative_and_huge_timeouts_are_refused(double milliseconds)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RunOutcome.TimeoutMilliseconds(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.Contains("Timeout.InfiniteTimeSpan", e.Message);
    }

    [Theory]
    [InlineData(RunState.New)]
    [InlineData(RunState.Queued)]
    [InlineData(RunState.Running)]
    [InlineData(RunState.Submitted)]
    public void A_run_still_in_flight_after_the_wait_timed_out(RunState state)
    {
        var detailAsked = false;
        var e = Assert.Throws<RunTimeoutException>(() =>
            RunOutcome.Check("vadd", state, TimeSpan.FromMilliseconds(250), () => { detailAsked = true; return ""; }));
        Assert.Equal($"kernel 'vadd': run did not finish within 250 ms (last state {state})", e.Message);
        Assert.Equal(state, e.LastState);
        Assert.False(detailAsked);
    }

    [Theory]
    [InlineData(RunState.Error)]
    [InlineData(RunState.Abort)]
    [InlineData(RunState.Timeout)]
    [InlineData(RunState.NoResponse)]
    public void A_run_that_ended_badly_fails_with_the_device_detail(RunState state)
    {
        var e = Assert.Throws<RunFailedException>(() => RunOutcome.Check("vadd", state, TimeSpan.FromSeconds(1), () => "firewall trip"));
        Assert.Equal($"kernel 'vadd': run ended in state {state}: firewall trip", e.Message);
    }

    [Fact]
    public void A_completed_run_passes() =>
        RunOutcome.Check("vadd", RunState.Completed, TimeSpan.FromSeconds(1), () => throw new InvalidOperationException("not asked"));
}
