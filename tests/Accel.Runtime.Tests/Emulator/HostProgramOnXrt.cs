namespace Accel.Runtime.Tests.Emulator;

/// <summary>
/// The shared host program on XRT's noop driver with the xclbin Accel wrote for softmax (a child-process
/// scenario): XRT loads the file, agrees with Accel on the banks, and completes the run without computing,
/// so the output buffer keeps what the host put there.
/// </summary>
internal static class HostProgramOnXrt
{
    public static void Run(string xclbin)
    {
        using var device = Device.Open("xrt:0");
        var outcome = SoftmaxHostProgram.Run(device, xclbin, probsBefore: -1);
        Assert.Equal(RunState.Completed, outcome.State);
        Assert.Equal(outcome.Scores, outcome.ScoresReadBack);
        Assert.All(outcome.Probs, p => Assert.Equal(-1, p));
        Assert.Equal((0, 1), (outcome.ScoresBank, outcome.ProbsBank));
        var kernel = (XrtKernel)outcome.Run.Kernel;
        Assert.Equal(0, kernel.GroupIdOf("scores"));              // XRT's own reading of the CONNECTIVITY Accel wrote
        Assert.Equal(1, kernel.GroupIdOf("probs"));
    }
}

/// <summary>Runs <see cref="HostProgramOnXrt"/> in a child process with XRT in noop mode.</summary>
public sealed class HostProgramOnXrtTests(SoftmaxXclbin xclbin, Xrt.NoopXrtFolder noop)
    : IClassFixture<SoftmaxXclbin>, IClassFixture<Xrt.NoopXrtFolder>
{
    [Xrt.XrtFact]
    public void The_same_host_program_runs_on_xrt_noop_with_the_xclbin_accel_wrote() =>
        Xrt.ScenarioProcess.Run("host-program", noop.NoopEnvironment(), xclbin.XclbinPath).AssertPassed("host-program");
}
