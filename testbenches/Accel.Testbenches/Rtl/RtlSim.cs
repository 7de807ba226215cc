using System.Text.RegularExpressions;

namespace Accel.Testbenches.Rtl;

/// <summary>The Verilator simulation of a generated RTL folder: build the kernel with its testbench (once per
/// folder and flavour while the sources are unchanged), run it on the golden vectors, read its verdict.</summary>
public static partial class RtlSim
{
    public sealed record Result(bool Built, int ExitCode, int Matched, int Total, long Cycles, double Seconds, string Output)
    {
        public bool BitExact => Built && ExitCode == 0 && Matched == Total && Total > 0;
    }

    public static Result Run(string directory, string module, string? vcd = null)
    {
        var objDir = vcd is null ? "obj_dir" : "obj_dir_vcd";
        var binary = Path.Combine(Path.GetFullPath(directory), objDir, "Vtb");
        var build = Build(directory, module, objDir, vcd is not null);
        if (build is not null) return new Result(false, build.Value.ExitCode, 0, 0, -1, 0, $"verilator failed ({build.Value.ExitCode}):\n{build.Value.Output}");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = ExternalProcess.Run(binary, vcd is null ? ["golden"] : ["golden", Path.GetFullPath(vcd)], directory, timeout: TimeSpan.FromMinutes(20));
        double seconds = watch.Elapsed.TotalSeconds;
        var match = SummaryLine().Match(run.Output);
        var cycles = CyclesLine().Match(run.Output);
        return new Result(true, run.ExitCode, match.Success ? int.Parse(match.Groups[1].Value) : 0, match.Success ? int.Parse(match.Groups[2].Value) : 0,
            cycles.Success ? long.Parse(cycles.Groups[1].Value) : -1, seconds, run.Output);
    }

    /// <summary>verilator --build, skipped when the binary is newer than the Verilog and the testbench. Returns
    /// the failure, or null.</summary>
    private static (int ExitCode, string Output)? Build(string directory, string module, string objDir, bool trace)
    {
        var binary = Path.Combine(directory, objDir, "Vtb");
        var sources = new[] { $"{module}.v", "tb.cpp", "accel_memory_model.h" }.Select(f => File.GetLastWriteTimeUtc(Path.Combine(directory, f)));
        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) > sources.Max()) return null;
        var arguments = new List<string>
        {
            "--cc", "--exe", "--build", "-j", "2", "-O2", "-Wno-fatal", "-Wno-lint", "-Wno-style", "--x-assign", "0", "--x-initial", "0",
            "--top-module", module, "-Mdir", objDir, "-o", "Vtb", "-CFLAGS", $"-O1 -std=c++17 -I{Path.GetFullPath(directory)}{(trace ? " -DACCEL_VCD" : "")}",
        };
        if (trace) arguments.Add("--trace");
        arguments.AddRange([$"{module}.v", "tb.cpp"]);
        try
        {
            var result = ExternalProcess.Run("verilator", arguments, directory, environment: new Dictionary<string, string?> { ["OPT_FAST"] = "-O1" }, timeout: TimeSpan.FromMinutes(20));
            return result.ExitCode == 0 ? null : (result.ExitCode, result.Output);
        }
        catch (ToolMissingException e)
        {
            throw new ToolMissingException(e.Tool, $"{e.Message}. RTL simulation needs Verilator (Debian: apt-get install verilator; scripts/install-deps.sh installs it)", e);
        }
    }

    [GeneratedRegex(@"bit-exact: (\d+) of (\d+) outputs match")]
    private static partial Regex SummaryLine();

    [GeneratedRegex(@"cycles: (\d+)")]
    private static partial Regex CyclesLine();
}
