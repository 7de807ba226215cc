namespace Accel.Tests.Cli;

/// <summary>`omap bench` reports refused requests as a count with their modelled probability bound (issue 16: one
/// refusal at --n 16 --value-bytes 256 aborted the whole benchmark).</summary>
[Collection(InProcessCliCollection.Name)]
public sealed class OmapCliTests
{
    [Fact]
    public void RefusedRequestsAreCountedNotFatal()
    {
        var (exit, stdout, stderr) = InProcessCli.Run(TestPaths.Scratch("omap"), "omap", "bench", "--n", "16", "--ops", "20000", "--value-bytes", "256", "--workload", "mixed", "--page-layout", "padded", "--json");
        Assert.True(exit == 0, $"exit {exit}\n{stderr}");
        var bolt = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "bolt");
        int refused = bolt.GetProperty("refused").GetInt32();
        Assert.True(refused > 0, stdout);
        Assert.True(bolt.GetProperty("refusal_bound_per_op").GetDouble() > 0);
        Assert.Contains($"bolt: {refused} of 20000 requests refused", stderr);
    }
}
