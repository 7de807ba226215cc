namespace Accel.Tests.Cli;

/// <summary>A kernel with m_axi ports of structs on the host side: the host's buffers hold the elements' bytes
/// (each pixel 3 bytes padded to 4), `run` on the emu device turns them into the kernel's structs and back, and
/// --verify compares every byte.</summary>
public sealed class StructPortCliTests
{
    [Fact]
    public void RunOnTheEmulatorPassesTheElementsBytesAndVerifies()
    {
        var kernel = TestPaths.Source("Accel.EndToEnd.Tests", "Ports", "Kernels", "ImageConvert.cs");
        var (exit, stdout, stderr) = AccelProcess.Run("run", "rgb_to_hsv", "--source", kernel, "--param", "pixels=20", "--verify", "--json");
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var output = Assert.Single(json.RootElement.GetProperty("outputs").EnumerateArray());
        Assert.Equal(("hsv", 80), (output.GetProperty("name").GetString(), output.GetProperty("elements").GetInt32()));
        Assert.True(json.RootElement.GetProperty("verified").GetBoolean());
    }
}
