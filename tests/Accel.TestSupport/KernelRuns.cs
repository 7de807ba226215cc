using Accel.Codegen;
using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Codegen.Reference;
using Accel.Emulation.Kernels;
using Accel.Kernels.Catalog;
using Accel.Testbenches;

namespace Accel.Tests;

/// <summary>A kernel taken through one consumer the way the CLI does it: generated and C-simulated, or emulated.</summary>
public static class KernelRuns
{
    /// <summary>The generation options of every test: the u55c at 300 MHz.</summary>
    public static readonly HlsProjectWriter.Options HlsOptions = new(Board.Find("u55c"), 300);

    public static (Codegen.Transpiler.Result Generated, Csim.Result Csim) GenerateAndRun(KernelProject project, string kernelName, string? config, string[] overrides,
        bool sanitize = false, Hw.Stimulus? stimulus = null, HlsProjectWriter.Options? options = null)
    {
        var generated = Generate(project, kernelName, config, overrides, stimulus, options);
        return (generated, Csim.Run(generated.Directory, generated.Ir.Name, sanitize));
    }

    /// <param name="stimulus">the inputs, instead of the kernel's seeded [Stimulus]</param>
    /// <param name="options">the board and clock, instead of <see cref="HlsOptions"/></param>
    public static Codegen.Transpiler.Result Generate(KernelProject project, string kernelName, string? config, string[] overrides,
        Hw.Stimulus? stimulus = null, HlsProjectWriter.Options? options = null)
    {
        var kernel = KernelCatalog.Find(project, kernelName);
        var resolved = KernelConfig.Resolve(kernel, config, overrides);
        return Codegen.Transpiler.Generate(project, kernel, resolved, TestPaths.Scratch($"{kernelName}-{resolved.Name}"), options ?? HlsOptions, stimulus: stimulus);
    }

    /// <summary>The words a C simulation of <paramref name="generated"/> compares: every element of every port the kernel writes.</summary>
    public static int WrittenWords(Codegen.Transpiler.Result generated)
    {
        var use = Codegen.Ir.Analysis.VariableUse.Of(generated.Ir);
        return generated.Ir.Top.Parameters.Where(use.IsWritten).Sum(p => generated.Stimulus.Arrays[p.Name].Length);
    }

    public static KernelEmulator.Result Emulate(KernelProject project, string kernelName, string? config, string[] overrides, KernelEmulator.Options? options = null)
    {
        var kernel = KernelCatalog.Find(project, kernelName);
        var resolved = KernelConfig.Resolve(kernel, config, overrides);
        var stimulus = new KernelActivator(kernel, resolved).MakeStimulus(1);
        return KernelEmulator.Run(project, kernel, resolved, stimulus, options ?? new KernelEmulator.Options());
    }

    /// <summary>Emulates a kernel written in the test, from a temporary file.</summary>
    public static KernelEmulator.Result EmulateSource(string source, string kernelName, KernelEmulator.Options? options = null)
    {
        string file = Path.Combine(Path.GetTempPath(), $"accel-rule-{Guid.NewGuid():N}.cs");
        File.WriteAllText(file, source);
        try
        {
            return Emulate(KernelProject.FromFiles([file], []), kernelName, null, [], options);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
