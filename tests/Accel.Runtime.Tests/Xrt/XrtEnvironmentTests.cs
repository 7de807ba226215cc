namespace Accel.Runtime.Tests.Xrt;

/// <summary>The pre-flight check that keeps XRT from aborting the process, with a fake environment.</summary>
public sealed class XrtEnvironmentTests
{
    private static string? Problem(Dictionary<string, string> variables, params string[] existingFiles) =>
        XrtEnvironment.FindProblem(variables.GetValueOrDefault, existingFiles.Contains);

    [Fact]
    public void Unset_XILINX_XRT_is_reported_with_the_fix()
    {
        var problem = Problem([]);
        Assert.NotNull(problem);
        Assert.StartsWith("XILINX_XRT is not set, and XRT aborts the process without it.", problem);
        Assert.Contains("libxrt_noop.so.2", problem);
        Assert.Contains("XCL_EMULATION_MODE=noop", problem);
        Assert.Contains("Environment.SetEnvironmentVariable does not reach XRT", problem);
    }

    [Fact]
    public void Unknown_emulation_mode_is_reported() =>
        Assert.Contains("XCL_EMULATION_MODE='hw_emulation' is not a mode XRT knows",
            Problem(new() { ["XILINX_XRT"] = "/x", ["XCL_EMULATION_MODE"] = "hw_emulation" }));

    [Fact]
    public void Missing_driver_library_for_the_mode_is_reported()
    {
        var problem = Problem(new() { ["XILINX_XRT"] = "/x", ["XCL_EMULATION_MODE"] = "noop" }, "/x/lib/libxrt_core.so.2");
        Assert.Contains("XRT will load /x/lib/libxrt_noop.so.2 (XCL_EMULATION_MODE=noop) and aborts the process because it is missing", problem);
        Assert.Contains("ln -s /usr/lib/x86_64-linux-gnu/libxrt_noop.so.2 /x/lib/libxrt_noop.so.2", problem);
    }

    [Fact]
    public void A_card_needs_libxrt_core_in_XILINX_XRT() =>
        Assert.Contains("XRT will load /x/lib/libxrt_core.so.2 (no emulation mode: a card)",
            Problem(new() { ["XILINX_XRT"] = "/x" }, "/x/lib/libxrt_noop.so.2"));

    [Fact]
    public void Complete_environment_passes()
    {
        Assert.Null(Problem(new() { ["XILINX_XRT"] = "/x", ["XCL_EMULATION_MODE"] = "noop" }, "/x/lib/libxrt_noop.so.2"));
        Assert.Null(Problem(new() { ["XILINX_XRT"] = "/x" }, "/x/lib/libxrt_core.so.2"));
    }
}
