using System.Text.RegularExpressions;

namespace Accel.Testbenches;

/// <summary>The g++ C-simulation of a generated HLS folder: compile the kernel with its testbench, run it on the
/// golden vectors, read its verdict.</summary>
public static partial class Csim
{
    public sealed record Result(bool Compiled, int ExitCode, int Matched, int Total, string Output)
    {
        public bool BitExact => Compiled && ExitCode == 0 && Matched == Total && Total > 0;
    }

    public const string StrictFlags = "-std=c++17 -O2 -Wall -Wextra -Werror";
    public const string SanitizerFlags = "-std=c++17 -O1 -g -Wall -Wextra -Werror -fsanitize=undefined,address -fno-sanitize-recover=all -fno-omit-frame-pointer";

    /// <param name="extraFlags">more compiler flags, e.g. -isystem for Vitis's ap_types headers, or -DACCEL_AP_FALLBACK</param>
    public static Result Run(string directory, string kernel, bool sanitize = false, string compiler = "g++", string extraFlags = "")
    {
        // A binary of this run's own: two runs on one folder never execute or overwrite each other's.
        var binary = $"{(sanitize ? "csim_sanitized" : "csim")}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            var compile = Compile(directory, kernel, binary, sanitize, compiler, extraFlags);
            if (compile.ExitCode != 0)
                return new Result(false, compile.ExitCode, 0, 0, $"{compiler} failed ({compile.ExitCode}):\n{compile.Output}");
            var run = Process(Path.Combine(Path.GetFullPath(directory), binary), "golden", directory);
            return Verdict(run.ExitCode, run.Output);
        }
        finally
        {
            File.Delete(Path.Combine(directory, binary));
        }
    }

    /// <summary>Compiles the folder's kernel and testbench into <paramref name="binary"/> (in the folder).</summary>
    public static (int ExitCode, string Output) Compile(string directory, string kernel, string binary, bool sanitize = false, string compiler = "g++", string extraFlags = "") =>
        Process(compiler, $"{(sanitize ? SanitizerFlags : StrictFlags)} {extraFlags} -I. {kernel}.cpp tb.cpp -o {binary}", directory);

    private static Result Verdict(int exitCode, string output)
    {
        var match = SummaryLine().Match(output);
        return new Result(true, exitCode, match.Success ? int.Parse(match.Groups[1].Value) : 0, match.Success ? int.Parse(match.Groups[2].Value) : 0, output);
    }

    [GeneratedRegex(@"bit-exact: (\d+) of (\d+) outputs match")]
    private static partial Regex SummaryLine();

    private static (int ExitCode, string Output) Process(string file, string arguments, string directory)
    {
        try
        {
            var result = ExternalProcess.Run(file, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), directory);
            return (result.ExitCode, result.Output);
        }
        catch (ToolMissingException e)
        {
            throw new ToolMissingException(e.Tool, $"{e.Message}. C-simulation needs g++ (Debian: apt-get install g++)", e);
        }
    }
}
