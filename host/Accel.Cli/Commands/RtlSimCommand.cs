using Accel.Codegen.Frontend;
using Accel.Emulation.Kernels;
using Accel.Testbenches.Rtl;
using CommandLine;
using Accel.Codegen.Reference;

namespace Accel.Cli.Commands;

[Verb("rtl-sim", HelpText = "Generate the RTL, simulate it with Verilator on the golden vectors, and compare its cycles with the emulator's.")]
public sealed class RtlSimOptions : RtlOptions
{
    [Option("vcd", HelpText = "Write the simulation's waveform (every signal) to this VCD file.")]
    public string? Vcd { get; set; }
}

public static class RtlSimCommand
{
    public static int Run(RtlSimOptions options)
    {
        var generated = options.Generate();
        var (project, kernel, config) = options.Resolve();
        var sim = RtlSim.Run(generated.Directory, generated.Ir.Name, options.Vcd);
        var emulated = KernelEmulator.Run(project, kernel, config, new KernelActivator(kernel, config).MakeStimulus(options.Seed),
            new KernelEmulator.Options(options.ClockMhz, options.Board)).Report.TotalCycles;
        double difference = emulated == 0 ? 0 : 100.0 * (sim.Cycles - emulated) / emulated;
        if (options.Json)
            Cli.WriteJson(new
            {
                kernel = kernel.Name, config = config.Name, directory = generated.Directory, built = sim.Built, bitExact = sim.BitExact,
                matched = sim.Matched, total = sim.Total, cycles = sim.Cycles, emulatorCycles = emulated, differencePercent = Math.Round(difference, 3),
                simulationSeconds = sim.Seconds,
            });
        if (!sim.Built)
        {
            Console.Error.WriteLine(sim.Output);
            return ExitCodes.CheckFailed;
        }
        foreach (var line in sim.Output.Split('\n').Where(l => l.StartsWith("mismatch") || l.StartsWith("tb:"))) Console.Error.WriteLine(line);
        Console.Error.WriteLine($"bit-exact: {sim.Matched} of {sim.Total} outputs match");
        Console.Error.WriteLine($"cycles: {sim.Cycles} (emulator: {emulated}, difference {difference:+0.##;-0.##;0}%)");
        return sim.BitExact ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
