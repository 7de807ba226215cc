using System.Text.Json;
using Accel.Runtime.Tests.Emulator;

namespace Accel.Runtime.Tests.Cli;

/// <summary>`accel run` and `accel xclbin` as users run them: --json keys, exit codes 0 / 1 / 2.</summary>
public sealed class RuntimeCliTests(SoftmaxXclbin xclbin) : IClassFixture<SoftmaxXclbin>
{
    private (int Exit, string Stdout, string Stderr) Accel(params string[] args)
    {
        var result = Testbenches.ExternalProcess.Run(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "accel.dll"), .. args], xclbin.Root, new Dictionary<string, string?> { ["XILINX_XRT"] = null });
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    [Fact]
    public void Run_on_the_emulator_verifies_and_reports_outputs_and_cycles()
    {
        var (exit, stdout, stderr) = Accel("run", "softmax", "--config", "row16", "--device", "emu", "--verify", "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(("softmax", "row16", "emu"), (json.GetProperty("kernel").GetString(), json.GetProperty("config").GetString(), json.GetProperty("device").GetString()));
        var output = Assert.Single(json.GetProperty("outputs").EnumerateArray().ToList());
        Assert.Equal("probs", output.GetProperty("name").GetString());
        Assert.Equal(128, output.GetProperty("elements").GetInt32());   // the [Stimulus]: 8 rows of 16
        Assert.Matches("^[0-9a-f]{16}$", output.GetProperty("checksum").GetString());
        Assert.True(json.GetProperty("verified").GetBoolean());
        Assert.True(json.GetProperty("cycles").GetInt64() > 128);
        Assert.True(json.GetProperty("time_ms").GetDouble() > 0);
        Assert.Contains("verify: 128 of 128 output words match the C# reference", stderr);
    }

    [Fact]
    public void Run_on_xrt_without_an_xclbin_is_bad_usage()
    {
        var (exit, _, stderr) = Accel("run", "softmax", "--device", "xrt:0");
        Assert.Equal(2, exit);
        Assert.Contains("--device xrt:0 needs --xclbin FILE", stderr);
    }

    [Fact]
    public void Xclbin_write_then_info_shows_the_kernels_registers_and_banks()
    {
        var file = Path.Combine(xclbin.Root, "cli", "softmax.xclbin");
        var (exit, stdout, stderr) = Accel("xclbin", "write", "softmax", "--config", "row16", "--board", "u280", "--out", file, "--json");
        Assert.True(exit == 0, stderr);
        var written = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(("u280", false), (written.GetProperty("board").GetString(), written.GetProperty("bitstream").GetBoolean()));

        (exit, stdout, stderr) = Accel("xclbin", "info", file, "--json");
        Assert.True(exit == 0, stderr);
        var info = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("xilinx_u280_gen3x16_xdma_1_202211_1", info.GetProperty("platform").GetString());
        var kernel = Assert.Single(info.GetProperty("kernels").EnumerateArray().ToList());
        Assert.Equal([16, 24, 32], kernel.GetProperty("arguments").EnumerateArray().Select(a => a.GetProperty("offset").GetInt32()));
        var connections = kernel.GetProperty("compute_units")[0].GetProperty("connections").EnumerateArray()
            .Select(c => $"{c.GetProperty("argument").GetString()}->{c.GetProperty("tag").GetString()}");
        Assert.Equal(["scores->HBM[0]", "probs->HBM[1]"], connections);

        (exit, stdout, _) = Accel("xclbin", "info", file);
        Assert.Equal(0, exit);
        Assert.Contains("softmax(const int32_t* scores, int32_t* probs, int32_t rows)", stdout);
    }

    [Fact]
    public void Malformed_xclbin_and_unknown_action_exit_two_with_the_reason()
    {
        var bad = Path.Combine(xclbin.Root, "truncated.xclbin");
        File.WriteAllBytes(bad, File.ReadAllBytes(xclbin.XclbinPath)[..1000]);
        var (exit, _, stderr) = Accel("xclbin", "info", bad);
        Assert.Equal(2, exit);
        Assert.Contains($"{bad}: axlf header m_length: header says the file is", stderr);

        (exit, _, stderr) = Accel("xclbin", "list", "softmax");
        Assert.Equal(2, exit);
        Assert.Contains("unknown action 'list'", stderr);
    }
}
