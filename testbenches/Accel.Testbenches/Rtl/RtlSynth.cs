using System.Text.RegularExpressions;

namespace Accel.Testbenches.Rtl;

/// <summary>Yosys synth_xilinx on a generated RTL folder (its synth.ys) and the cells of `stat` counted as the
/// estimator counts resources: LUT = logic LUTs plus LUTs used as memory (RAM32M/RAM64M 4 each, RAM32X1D/RAM64X1D 2,
/// RAM32X1S/RAM64X1S and SRL16E/SRLC32E 1), FF = flip-flops, DSP = DSP48E2, BRAM_18K = RAMB18E2 + 2 RAMB36E2.</summary>
public static partial class RtlSynth
{
    public sealed record Result(long Lut, long Ff, long Dsp, long Bram18K, IReadOnlyDictionary<string, long> Cells, double Seconds);

    public static Result Run(string directory)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        ExternalProcess.Result run;
        try
        {
            run = ExternalProcess.Run("yosys", ["-q", "-s", "synth.ys"], directory, timeout: TimeSpan.FromMinutes(30));
        }
        catch (ToolMissingException e)
        {
            throw new ToolMissingException(e.Tool, $"{e.Message}. RTL synthesis needs Yosys (Debian: apt-get install yosys; scripts/install-deps.sh installs it)", e);
        }
        if (run.ExitCode != 0) throw new ToolRunException($"yosys failed ({run.ExitCode}) in {directory}:\n{run.Output}");
        File.WriteAllText(Path.Combine(directory, SourceFile), SourceHash(directory));
        return Read(directory, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Beside synth.stat: the hash of the Verilog that synthesis read, so a later reader can tell whether
    /// the figures are those of the RTL `accel rtl` prints now.</summary>
    public const string SourceFile = "synth.source";

    /// <summary>The figures of the last synthesis in this folder if it was of exactly <paramref name="verilog"/>, else null.</summary>
    public static Result? Previous(string directory, string verilog)
    {
        var source = Path.Combine(directory, SourceFile);
        if (!File.Exists(source) || !File.Exists(Path.Combine(directory, "synth.stat"))) return null;
        return File.ReadAllText(source).Trim() == Hash(verilog) ? Read(directory, 0) : null;
    }

    private static string SourceHash(string directory) =>
        Hash(string.Concat(Directory.GetFiles(directory, "*.v").Order(StringComparer.Ordinal).Select(File.ReadAllText)));

    private static string Hash(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static Result Read(string directory, double seconds)
    {
        var cells = Cells(File.ReadAllText(Path.Combine(directory, "synth.stat")));
        long Count(Func<string, bool> pick) => cells.Where(c => pick(c.Key)).Sum(c => c.Value);
        long lut = Count(c => LutPattern().IsMatch(c)) + 4 * Count(c => c is "RAM32M" or "RAM64M" or "RAM32M16" or "RAM64M8")
            + 2 * Count(c => c is "RAM32X1D" or "RAM64X1D") + Count(c => c is "RAM32X1S" or "RAM64X1S" or "RAM128X1S" or "SRL16E" or "SRLC32E");
        return new Result(lut, Count(c => FlipFlopPattern().IsMatch(c)), Count(c => c == "DSP48E2"),
            Count(c => c == "RAMB18E2") + 2 * Count(c => c == "RAMB36E2"), cells, seconds);
    }

    /// <summary>The cell table of Yosys `stat`: lines of `cell-type count` after "Number of cells".</summary>
    public static IReadOnlyDictionary<string, long> Cells(string stat)
    {
        var cells = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (Match m in CellLine().Matches(stat)) cells[m.Groups[1].Value] = cells.GetValueOrDefault(m.Groups[1].Value) + long.Parse(m.Groups[2].Value);
        return cells;
    }

    [GeneratedRegex(@"^\s+([A-Z][A-Z0-9_]+)\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex CellLine();

    [GeneratedRegex(@"^LUT[1-6]$")]
    private static partial Regex LutPattern();

    [GeneratedRegex(@"^FD[RSCP]E$")]
    private static partial Regex FlipFlopPattern();
}
