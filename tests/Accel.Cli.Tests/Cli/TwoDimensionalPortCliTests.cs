namespace Accel.Tests.Cli;

/// <summary>A kernel with 2-D m_axi ports on the host side: the host's buffers are flat and row-major, as the board's
/// memory is; `run` on the emu device reshapes them for the kernel and back, and --verify compares every word.</summary>
public sealed class TwoDimensionalPortCliTests
{
    [Fact]
    public void RunOnTheEmulatorPassesRowMajorBuffersAndVerifies()
    {
        var kernel = TestPaths.Source("Accel.EndToEnd.Tests", "Ports", "Kernels", "BoxFilter.cs");
        var (exit, stdout, stderr) = AccelProcess.Run("run", "box_filter", "--source", kernel, "--param", "height=5", "width=7", "--verify", "--json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var output = Assert.Single(json.RootElement.GetProperty("outputs").EnumerateArray());
        Assert.Equal(("filtered", 35), (output.GetProperty("name").GetString(), output.GetProperty("elements").GetInt32()));
        Assert.True(json.RootElement.GetProperty("verified").GetBoolean());
    }
}
