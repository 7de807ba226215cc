using Accel.Codegen;
using Accel.Runtime.Tests.Emulator;
using Accel.Runtime.Tests.Xrt;

namespace Accel.Runtime.Tests.Hls;

/// <summary>A test that compiles against XRT's C++ headers; skipped, with the reason, when they are not installed.</summary>
public sealed class XrtHeadersFactAttribute : FactAttribute
{
    public const string Include = "/usr/include/xrt";

    public XrtHeadersFactAttribute()
    {
        if (!File.Exists(Path.Combine(Include, "xrt", "xrt_kernel.h")))
            Skip = $"XRT's headers are not installed ({Include}/xrt/xrt_kernel.h is missing): install the Debian package libxrt-dev to compile the generated host program";
        else if (XrtInstallation.MissingReason is { } reason)
            Skip = reason;
    }
}

/// <summary>The Vitis files `accel gen` writes for each board: link.cfg, the Makefile, and the XRT host program.</summary>
public sealed class VendorFilesTests(SoftmaxXclbin xclbin, NoopXrtFolder noop) : IClassFixture<SoftmaxXclbin>, IClassFixture<NoopXrtFolder>
{
    private static string Generate(string board, string root)
    {
        var design = SoftmaxXclbin.Design(board);
        var directory = Path.Combine(root, $"gen-{board}");
        Transpiler.Generate(design.Project, design.Kernel, design.Config, directory, new HlsProjectWriter.Options(design.Board, 300));
        return directory;
    }

    [Theory]
    [InlineData("u55c", "xilinx_u55c_gen3x16_xdma_3_202210_1")]
    [InlineData("u280", "xilinx_u280_gen3x16_xdma_1_202211_1")]
    [InlineData("zcu102", "xilinx_zcu102_base_202220_1")]
    public void Link_config_makefile_and_host_program_are_written_for_each_board(string board, string platform)
    {
        var directory = Generate(board, xclbin.Root);
        var link = File.ReadAllText(Path.Combine(directory, "link.cfg"));
        Assert.Contains("nk=softmax:1:softmax_1\n", link);
        // Alveo: each argument on its [MAxi] bank. ZCU102: each bundle (gmem0, gmem1) on a PS slave port of its own, HP0 first.
        var bankLines = board == "zcu102"
            ? new[] { "sp=softmax_1.scores:HP0\n", "sp=softmax_1.probs:HP1\n" }
            : new[] { "sp=softmax_1.scores:HBM[0]\n", "sp=softmax_1.probs:HBM[1]\n" };
        Assert.All(bankLines, line => Assert.Contains(line, link));
        Assert.Equal(2, link.Split('\n').Count(l => l.StartsWith("sp=", StringComparison.Ordinal)));

        var makefile = File.ReadAllText(Path.Combine(directory, "Makefile"));
        Assert.Contains($"PLATFORM ?= {platform}\n", makefile);
        foreach (var rule in new[] { "\ncsim: ", "\nsoftmax.xo: ", "\n$(XCLBIN): softmax.xo link.cfg\n", "\nemconfig.json:\n\temconfigutil --platform $(PLATFORM)",
                     "\nhost: host.cpp\n", "\nrun: host $(XCLBIN) $(if $(EMULATION),emconfig.json)\n" })
            Assert.Contains(rule, makefile);
        Assert.Contains("v++ -l -t $(TARGET)", makefile);
        Assert.Contains("TARGET = sw_emu | hw_emu | hw", makefile);
        var csimRule = makefile[makefile.IndexOf("\ncsim: ", StringComparison.Ordinal)..makefile.IndexOf("\nxo: ", StringComparison.Ordinal)];
        Assert.DoesNotContain("xrt", csimRule, StringComparison.OrdinalIgnoreCase);   // csim stays g++ only
        Assert.Equal(board == "zcu102", makefile.Contains("\npackage: $(XCLBIN) host\n"));
        Assert.Equal(board == "zcu102", makefile.Contains("HOST_CXX ?= aarch64-linux-gnu-g++"));

        var host = File.ReadAllText(Path.Combine(directory, "host.cpp"));
        Assert.Contains("xrt::kernel kernel(device, uuid, \"softmax\");", host);
        Assert.Contains("xrt::bo scores_bo = upload(device, kernel, 0, scores);", host);
        Assert.Contains("run.set_arg(2, static_cast<int32_t>(rows_value));", host);
    }

    [XrtHeadersFact]
    public void Host_program_compiles_with_make_host_and_runs_on_xrt_noop()
    {
        var directory = Generate("u55c", xclbin.Root);
        var build = RunIn(directory, "make", ["host", "XILINX_XRT=/nonexistent"], new());
        Assert.True(build.Exit == 0, build.Output);
        Assert.True(File.Exists(Path.Combine(directory, "host")));

        // noop completes the run without computing, so the program finds the outputs unchanged and exits 1;
        // what this shows is that it loads Accel's xclbin, allocates in the connected banks and runs through XRT.
        var run = RunIn(directory, Path.Combine(directory, "host"), [xclbin.XclbinPath, "golden"], noop.NoopEnvironment());
        Assert.True(run.Exit == 1, run.Output);
        Assert.Matches(@"bit-exact: \d+ of 128 outputs match", run.Output);
    }

    private static (int Exit, string Output) RunIn(string directory, string program, string[] arguments, Dictionary<string, string?> environment)
    {
        var result = Testbenches.ExternalProcess.Run(program, arguments, directory, environment, TimeSpan.FromSeconds(120));
        return (result.ExitCode, result.Output);
    }
}
