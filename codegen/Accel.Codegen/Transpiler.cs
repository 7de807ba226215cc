using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Codegen.Ir;
using Accel.Codegen.Reference;

namespace Accel.Codegen;

/// <summary>The whole generation pipeline, in order: configure the kernel, lower it to the IR (with the
/// whole-kernel checks and the IR verifier), run the C# reference on the seeded stimulus, print the HLS folder.</summary>
public static class Transpiler
{
    public sealed record Result(IrKernel Ir, string Directory, IReadOnlyList<string> Files, Hw.Stimulus Stimulus, IReadOnlyDictionary<string, Array> Reference);

    public const int DefaultSeed = 1;

    public static IrKernel Lower(KernelProject project, KernelInfo kernel, KernelConfig config) =>
        KernelLowering.Lower(project, new KernelActivator(kernel, config));

    public sealed record Checked(IrKernel Ir, Hw.Stimulus Stimulus, IReadOnlyDictionary<string, Array> Reference);

    /// <summary>Everything `gen` checks before it writes a file (`list --source` runs the same): the kernel lowers
    /// to the IR, its ports' banks exist on the board, and its C# reference runs on the stimulus.</summary>
    /// <param name="stimulus">golden inputs; the kernel's own [Stimulus] with <paramref name="seed"/> when null</param>
    public static Checked Check(KernelProject project, KernelInfo kernel, KernelConfig config, Board board, int seed = DefaultSeed, Hw.Stimulus? stimulus = null)
    {
        var activator = new KernelActivator(kernel, config);
        var ir = KernelLowering.Lower(project, activator);
        PortBanks.Check(ir, board);
        stimulus ??= activator.MakeStimulus(seed);
        Passes.PortShapes.Check(ir, stimulus);
        return new Checked(ir, stimulus, activator.Run(stimulus));
    }

    /// <param name="stimulus">golden inputs; the kernel's own [Stimulus] with <paramref name="seed"/> when null</param>
    public static Result Generate(KernelProject project, KernelInfo kernel, KernelConfig config, string directory, HlsProjectWriter.Options options, int seed = DefaultSeed, Hw.Stimulus? stimulus = null)
    {
        var (ir, used, reference) = Check(project, kernel, config, options.Board, seed, stimulus);
        var files = HlsProjectWriter.Write(ir, config.Name, used, reference, directory, options);
        return new Result(ir, directory, files, used, reference);
    }

    /// <summary>build/hls/&lt;kernel&gt;/&lt;config&gt;[_seed-N] for the built-in kernels, build/hls-source/... for a
    /// user's --source kernels (so they never overwrite a built-in's folder). The configuration's name already
    /// holds every parameter that differs from its defaults; a seed other than the default is added.</summary>
    public static string DefaultDirectory(KernelProject project, KernelInfo kernel, KernelConfig config, int seed = DefaultSeed) =>
        Path.Combine("build", project.IsBuiltIn ? "hls" : "hls-source", kernel.Name, seed == DefaultSeed ? config.Name : $"{config.Name}_seed-{seed}");
}
