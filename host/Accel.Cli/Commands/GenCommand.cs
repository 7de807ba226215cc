using Accel.Codegen;
using Accel.Codegen.Backends.Hls;
using CommandLine;

namespace Accel.Cli.Commands;

[Verb("gen", HelpText = "Transpile a kernel to Vitis HLS C++ with its testbench, golden vectors and vendor files.")]
public sealed class GenOptions : GenerationOptions
{
    [Option("dump-ir", HelpText = "Also write ir.txt: the kernel's IR as the back ends, the emulator and the estimator read it (statements with their source lines, loops with the ids schedule.rpt names).")]
    public bool DumpIr { get; set; }
}

public static class GenCommand
{
    public static int Run(GenOptions options)
    {
        var result = Generate(options);
        if (options.Json)
            Cli.WriteJson(new { kernel = options.Kernel, config = Path.GetFileName(result.Directory), directory = result.Directory, files = result.Files });
        else
        {
            Console.Error.WriteLine($"accel gen: wrote {result.Files.Count} files to {result.Directory}");
            if (FlowNote(result.Ir) is { } note) Console.Error.WriteLine($"accel gen: {note}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>What the flow files leave out, and why, for a kernel whose interfaces XRT cannot drive.</summary>
    private static string? FlowNote(Codegen.Ir.IrKernel ir)
    {
        if (Codegen.Ir.TopInterfaces.VivadoOnlyParameter(ir) is { } wire)
            return $"{wire.Name} is an {Codegen.Ir.TopInterfaces.Mode(wire)} port, which only the Vivado IP flow builds: `make ip` exports an IP " +
                   "catalog entry; there is no link.cfg, xclbin or host.cpp";
        var axis = Codegen.Ir.TopInterfaces.AxisStreams(ir).Select(p => p.Name).ToList();
        return axis.Count == 0 ? null
            : $"axis port(s) {string.Join(", ", axis)}: link.cfg leaves their stream_connect to fill in, and there is no host.cpp " +
              "(XRT cannot feed an axis port from host memory; `accel run` on the emu device does)";
    }

    public static Transpiler.Result Generate(GenerationOptions options)
    {
        var (project, kernel, config) = options.Resolve();
        var board = options.TargetBoard;
        var directory = options.Out ?? Transpiler.DefaultDirectory(project, kernel, config, options.Seed);
        bool force = options.Force || options.Out is null;   // build/ is Accel's own tree
        Codegen.Backends.OutputFolder.CheckWritable(directory, force);   // before the reference runs, not after
        // schedule.rpt beside the HLS: the emulator's schedule, so the II a directive gets is never a surprise
        string Schedule(Codegen.Ir.IrKernel ir) => Emulation.Kernels.Schedule.ScheduleReport.Text(ir.Name, config.Name, Emulation.Kernels.StaticTiming.Of(ir, options.ClockMhz));
        return Transpiler.Generate(project, kernel, config, directory, new HlsProjectWriter.Options(board, options.ClockMhz, force, Schedule, DumpIr: options is GenOptions { DumpIr: true }), options.Seed);
    }
}
