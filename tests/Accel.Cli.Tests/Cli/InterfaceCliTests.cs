namespace Accel.Tests.Cli;

/// <summary>The command line on kernels with interfaces other than m_axi: gen says what the flow files leave out, a
/// Vivado IP has no xclbin (exit 2 naming the port), and `run` on the emu device feeds and drains axis ports.</summary>
public sealed class InterfaceCliTests
{
    private static string Kernel(string file) => TestPaths.Source("Accel.EndToEnd.Tests", "Ports", "Kernels", file);

    [Fact]
    public void GenNamesTheVivadoPortAndXclbinRefusesTheKernel()
    {
        var folder = TestPaths.Scratch("cli-axis-fir");
        var (exit, _, stderr) = AccelProcess.Run("gen", "axis_fir", "--source", Kernel("AxisFir.cs"), "--out", folder, "--force");
        Assert.True(exit == 0, stderr);
        Assert.Contains("coefficients is an ap_memory port, which only the Vivado IP flow builds", stderr);

        (exit, var stdout, stderr) = AccelProcess.Run("xclbin", "write", "axis_fir", "--source", Kernel("AxisFir.cs"), "--out", Path.Combine(folder, "x.xclbin"));
        Assert.True(exit == 2, $"exit {exit}\n{stderr}");
        Assert.Equal("", stdout.Trim());
        Assert.Contains("argument 'coefficients' is an ap_memory port", stderr);
    }

    [Fact]
    public void RunOnTheEmulatorDrainsTheAxisOutputAndVerifiesIt()
    {
        var (exit, stdout, stderr) = AccelProcess.Run("run", "stream_add", "--source", Kernel("StreamAdd.cs"), "--param", "size=24", "--verify", "--json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var output = Assert.Single(json.RootElement.GetProperty("outputs").EnumerateArray());
        Assert.Equal(("sum", 24), (output.GetProperty("name").GetString(), output.GetProperty("elements").GetInt32()));
        Assert.True(json.RootElement.GetProperty("verified").GetBoolean());
    }
}
