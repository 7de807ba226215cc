namespace Accel.Runtime.Tests.Xrt;

/// <summary>
/// The XRT backend against the real libxrt (2.13) in noop mode: no card, buffers in host memory, runs
/// completed by the driver without executing kernel logic. Each test runs a scenario in a child process.
/// </summary>
public sealed class XrtNoopTests(NoopXrtFolder folder) : IClassFixture<NoopXrtFolder>
{
    private ScenarioProcess.Outcome Run(string scenario, Dictionary<string, string?>? environment = null) =>
        ScenarioProcess.Run(scenario, environment ?? folder.NoopEnvironment(), folder.SampleXclbin);

    [XrtFact]
    public void Load_open_allocate_sync_run_and_read_back() => Run("end-to-end").AssertPassed("end-to-end");

    [XrtFact]
    public void Bad_names_banks_sizes_and_types_are_refused_before_xrt() => Run("refusals").AssertPassed("refusals");

    [XrtFact]
    public void Xrt_failures_carry_xrts_own_message() => Run("xrt-error").AssertPassed("xrt-error");

    [XrtFact]
    public void A_kernel_with_an_axis_port_is_refused_naming_the_port() => Run("axis-refused").AssertPassed("axis-refused");

    [XrtFact]
    public void Noop_delayed_completion_shows_state_then_completes()
    {
        var ini = Path.Combine(folder.Root, "xrt.ini");
        File.WriteAllText(ini, "[Runtime]\nnoop_completion_delay_us=1000000\n");
        var environment = folder.NoopEnvironment();
        environment["XRT_INI_PATH"] = ini;
        Run("delayed-completion", environment).AssertPassed("delayed-completion");
    }

    [XrtFact]
    public void Objects_left_open_are_freed_at_exit_without_a_crash()
    {
        var outcome = Run("leak-at-exit");
        outcome.AssertPassed("leak-at-exit");
        Assert.DoesNotContain("double free", outcome.Output);
    }

    [Fact]
    public void Unset_XILINX_XRT_gives_an_exception_not_an_abort()
    {
        var environment = new Dictionary<string, string?> { ["XILINX_XRT"] = null, ["XCL_EMULATION_MODE"] = null };
        ScenarioProcess.Run("open-unavailable", environment, "XILINX_XRT is not set").AssertPassed("open-unavailable");
    }

    [Fact]
    public void Missing_noop_driver_gives_an_exception_not_an_abort()
    {
        var empty = Path.Combine(folder.Root, "empty-xrt");
        Directory.CreateDirectory(Path.Combine(empty, "lib"));
        var environment = new Dictionary<string, string?> { ["XILINX_XRT"] = empty, ["XCL_EMULATION_MODE"] = "noop" };
        ScenarioProcess.Run("open-unavailable", environment, $"XRT will load {empty}/lib/libxrt_noop.so.2").AssertPassed("open-unavailable");
    }
}
