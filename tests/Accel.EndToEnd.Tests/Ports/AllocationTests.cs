namespace Accel.Tests.Ports;

/// <summary>Hls.Allocation through every consumer: the pragma in the C++, a bit-exact C simulation, the emulator's
/// II from calls sharing instances, and the estimator counting the limited instances only.</summary>
public sealed class AllocationTests
{
    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 1)]
    public void CallsSharingInstancesTakeTurnsInThePipeline(int instances, int ii)
    {
        // Four calls of Mul an iteration (the unrolled taps) on `instances` multipliers: ceil(4 / instances) turns
        // of one cycle each (Mul is timed inlined, so an instance takes a call a cycle): II 4, 2, 2, 1. The
        // buffer is partitioned by 4, so its four reads do not bound the II.
        var overrides = new[] { "size=16", $"instances={instances}" };
        var emulated = KernelRuns.Emulate(PortedKernel.Project("SharedMultiplier.cs"), "shared_multiplier", null, overrides);
        var loop = emulated.Timing.Loops.Values.Single(l => l.Function == "Run" && l.Kind == LoopKind.Pipelined && l.TripCount == 16);
        Assert.Equal(ii, loop.II);
        if (ii > 1) Assert.Contains($"function 'Mul' is called 4 times per iteration on {instances} instance", loop.Reason);
        else Assert.Null(loop.Reason);
    }

    [Fact]
    public void TheLimitIsPrintedSimulatedAndCountedOnce()
    {
        var generated = PortedKernel.GenerateBitExact("SharedMultiplier.cs", "shared_multiplier", ["size=16", "instances=2"]);
        Assert.Contains("ACCEL_PRAGMA(\"HLS ALLOCATION function instances=Mul limit=2\")", PortedKernel.Cpp(generated));

        // The estimator counts Mul's multiplier once per instance: the DSPs grow by one multiplier's worth per
        // instance allowed, the same step each time, and four instances cost what four unshared taps do.
        long Dsp(int limit) => ResourceEstimator.Estimate(PortedKernel.Lower("SharedMultiplier.cs", "shared_multiplier", ["size=16", $"instances={limit}"]))[Resource.Dsp];
        long one = Dsp(1), two = Dsp(2), three = Dsp(3), four = Dsp(4);
        long multiplier = two - one;
        Assert.True(multiplier > 0, $"DSP {one}, {two}, {three}, {four}");
        Assert.Equal(multiplier, three - two);
        Assert.Equal(multiplier, four - three);
    }
}
