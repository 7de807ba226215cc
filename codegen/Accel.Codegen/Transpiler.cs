using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Codegen.Ir;

namespace Accel.Codegen;

/// <summary>The whole generation pipeline, in order: configure the kernel, lower it to the IR (with the
/// whole-kernel checks and the IR verifier), run the C# reference on the seeded stimulus, print the HLS folder.</summary>
public static class Transpiler
{
    public sealed record Result(IrKernel Ir, string Directory, IReadOnlyList<string> Files, Hw.Stimulus Stimulus, IReadOnlyDictionary<string, Array> Reference);

    public const int DefaultSeed = 1;

    public static IrKernel Lower(KernelProject project, KernelInfo kernel, KernelConfig config) =>
        KernelLowering.Lower(project, new KernelActivator(kernel, config));

    /// <param name="stimulus">golden inputs; the kernel's own [Stimulus] with <paramref name="seed"/> when null</param>
    public static Result Generate(KernelProject project, KernelInfo kernel, KernelConfig config, string directory, HlsProjectWriter.Options options, int seed = DefaultSeed, Hw.Stimulus? stimulus = null)
    {
        var activator = new KernelActivator(kernel, config);
        var ir = KernelLowering.Lower(project, activator);
        PortBanks.Check(ir, options.Board);
        stimulus ??= activator.MakeStimulus(seed);
        var reference = activator.Run(stimulus);
        var files = HlsProjectWriter.Write(ir, config.Name, stimulus, reference, directory, options);
        return new Result(ir, directory, files, stimulus, reference);
    }

    public static string DefaultDirectory(KernelInfo kernel, KernelConfig config) => Path.Combine("build", "hls", kernel.Name, config.Name);
}
