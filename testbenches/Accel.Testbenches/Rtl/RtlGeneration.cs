using Accel.Codegen;
using Accel.Codegen.Backends.Rtl;
using Accel.Codegen.Frontend;
using Accel.Codegen.Ir;
using Accel.Codegen.Reference;

namespace Accel.Testbenches.Rtl;

/// <summary>The RTL pipeline in order: configure the kernel, lower it to the IR, take the emulator's schedule
/// and the board's memory figures, run the C# reference on the seeded stimulus, print the RTL folder.</summary>
public static class RtlGeneration
{
    public sealed record Result(IrKernel Ir, string Directory, IReadOnlyList<string> Files, Hw.Stimulus Stimulus);

    /// <param name="force">write into a non-empty folder Accel did not write (see <see cref="Codegen.Backends.OutputFolder"/>)</param>
    public static Result Generate(KernelProject project, KernelInfo kernel, KernelConfig config, string directory, bool force,
        string board = "u55c", double clockMhz = 300, int seed = Transpiler.DefaultSeed)
    {
        var (activator, ir, options) = Prepare(project, kernel, config, board, clockMhz, force);
        var stimulus = activator.MakeStimulus(seed);
        var files = RtlProjectWriter.Write(ir, config.Name, stimulus, () => activator.Run(stimulus), directory, options);
        return new Result(ir, directory, files, stimulus);
    }

    /// <summary>The Verilog `accel rtl` prints for this configuration, without running the reference or writing anything.</summary>
    public static string Verilog(KernelProject project, KernelInfo kernel, KernelConfig config, string board = "u55c", double clockMhz = 300, int seed = Transpiler.DefaultSeed)
    {
        var (activator, ir, options) = Prepare(project, kernel, config, board, clockMhz, force: false);
        var depths = activator.MakeStimulus(seed).Arrays.ToDictionary(kv => kv.Key, kv => kv.Value.Length);
        return RtlProjectWriter.Render(ir, config.Name, depths, options)[$"{ir.Name}.v"];
    }

    /// <summary>The kernel at its configuration, lowered, with the emulator's schedule and the board's port figures.</summary>
    private static (KernelActivator Activator, IrKernel Ir, RtlProjectWriter.Options Options) Prepare(
        KernelProject project, KernelInfo kernel, KernelConfig config, string board, double clockMhz, bool force)
    {
        var activator = new KernelActivator(kernel, config);
        var ir = KernelLowering.Lower(project, activator);
        return (activator, ir, new RtlProjectWriter.Options(new EmulatorSchedule(ir, clockMhz), EmulatorSchedule.Ports(ir, board, clockMhz), force));
    }
}
