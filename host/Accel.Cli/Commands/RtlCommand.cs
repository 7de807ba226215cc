using Accel.Codegen.Backends.Rtl;
using Accel.Testbenches.Rtl;
using CommandLine;

namespace Accel.Cli.Commands;

/// <summary>What the three RTL verbs accept: the kernel, its configuration, where the RTL goes, the clock and board
/// whose schedule and memory figures it takes.</summary>
public abstract class RtlOptions : GenerationOptions
{
    /// <summary>Like gen: --out is checked before the reference runs, and a folder Accel did not write needs --force.</summary>
    public RtlGeneration.Result Generate()
    {
        var (project, kernel, config) = Resolve();
        var directory = Out ?? RtlProjectWriter.DefaultDirectory(kernel.Name, config.Name);
        bool force = Force || Out is null;   // build/ is Accel's own tree
        Codegen.Backends.OutputFolder.CheckWritable(directory, force);
        return RtlGeneration.Generate(project, kernel, config, directory, force, Board, ClockMhz, Seed);
    }
}

[Verb("rtl", HelpText = "Print a kernel as Verilog with the emulator's schedule, with a Verilator testbench, a Yosys script and golden vectors.")]
public sealed class RtlGenOptions : RtlOptions;

public static class RtlCommand
{
    public static int Run(RtlGenOptions options)
    {
        var result = options.Generate();
        if (options.Json)
            Cli.WriteJson(new { kernel = result.Ir.Name, config = Path.GetFileName(result.Directory), directory = result.Directory, files = result.Files });
        else
            Console.Error.WriteLine($"accel rtl: wrote {result.Files.Count} files to {result.Directory}");
        return ExitCodes.Ok;
    }
}
