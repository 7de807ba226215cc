using Accel.Codegen.Frontend;
using Accel.Testbenches.Throughput;
using CommandLine;
using Spectre.Console;

namespace Accel.Cli.Commands;

[Verb("bench", HelpText = "Side-by-side speed measurements. Target: emulator (the emulator against the g++ C simulation).")]
public sealed class BenchOptions : VerbOptions
{
    [Value(0, MetaName = "target", Required = true, HelpText = "What to measure: emulator.")]
    public string Target { get; set; } = "";

    [Option("rows", Default = EmulatorThroughput.DefaultRows, HelpText = "Rows of the workload (softmax, rowLength=128, lanes=8).")]
    public int Rows { get; set; } = EmulatorThroughput.DefaultRows;
}

public static class BenchCommand
{
    public static int Run(BenchOptions options)
    {
        if (options.Target != "emulator")
            throw new UsageException($"bench target '{options.Target}' is unknown; targets: emulator");
        if (options.Rows is < 1 or > 2_000_000)
            throw new UsageException($"--rows {options.Rows}: expected 1..2000000");
        var m = EmulateCommand.WithProgress("measuring the emulator and the C simulation",
            () => EmulatorThroughput.Measure(EmulatorThroughput.DefaultKernel, EmulatorThroughput.DefaultOverrides, options.Rows));
        if (options.Json)
            Cli.WriteJson(new
            {
                workload = m.Workload, emulated_cycles = m.EmulatedCycles, emulator_s = m.EmulatorSeconds, csim_s = m.CsimSeconds,
                ratio = m.Ratio, emulated_cycles_per_s = m.EmulatedCyclesPerSecond, trace_ops = m.TraceOps, emulator_phases_s = m.Phases,
            });
        else
        {
            var table = new Table().AddColumns("workload", "emulated cycles", "emulator s", "csim s", "emulator / csim", "emulated cycles/s");
            table.AddRow(Markup.Escape(m.Workload), $"{m.EmulatedCycles:N0}", $"{m.EmulatorSeconds:F2}", $"{m.CsimSeconds:F2}", $"{m.Ratio:F2}", $"{m.EmulatedCyclesPerSecond:E2}");
            Cli.Human.Write(table);
        }
        return ExitCodes.Ok;
    }
}
