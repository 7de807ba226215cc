using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Kernels.Catalog;
using Accel.Testbenches;
using CommandLine;

namespace Accel.Cli.Commands;

/// <summary>Where a kernel comes from and its configuration: declared once here (the parser reads an interface's
/// option attributes) for the per-kernel verbs and for `accel xclbin write`.</summary>
public interface IKernelChoice
{
    [Option("source", Separator = ',', HelpText = "Compile the kernel from these C# files instead of the built-in kernels.")]
    IEnumerable<string> Sources { get; set; }

    [Option("config", HelpText = "A named configuration of the kernel (see `accel list`).")]
    string? Config { get; set; }

    [Option("param", HelpText = "Parameter overrides, name=value (repeatable, or space-separated).")]
    IEnumerable<string> Params { get; set; }
}

public static class KernelChoice
{
    /// <summary>The named kernel of the chosen sources (the built-in kernels by default), and its configuration.</summary>
    public static (KernelProject Project, KernelInfo Kernel, KernelConfig Config) Resolve(this IKernelChoice choice, string kernelName)
    {
        var project = KernelCatalog.Load(choice.Sources.ToList());
        var kernel = KernelCatalog.Find(project, kernelName);
        return (project, kernel, KernelConfig.Resolve(kernel, choice.Config, choice.Params));
    }
}

/// <summary>What every per-kernel verb accepts: the kernel, where it comes from, and its configuration.</summary>
public abstract class KernelOptions : VerbOptions, IKernelChoice
{
    [Value(0, MetaName = "kernel", Required = true, HelpText = "Kernel name (see `accel list`).")]
    public string Kernel { get; set; } = "";

    public IEnumerable<string> Sources { get; set; } = [];
    public string? Config { get; set; }
    public IEnumerable<string> Params { get; set; } = [];

    public override string? Subject => $"kernel '{Kernel}'";

    /// <summary>The kernel and its configuration, after the verb's own options are checked.</summary>
    public (KernelProject Project, KernelInfo Kernel, KernelConfig Config) Resolve()
    {
        Validate();
        return this.Resolve(Kernel);
    }

    /// <summary>Checks the verb's options before any work starts; throws <see cref="UsageException"/>.</summary>
    public virtual void Validate() { }
}

/// <summary>Kernel verbs whose stimulus or inputs are seeded.</summary>
public abstract class SeededKernelOptions : KernelOptions
{
    [Option("seed", Default = 1, HelpText = "Seed of the kernel's stimulus (its golden inputs).")]
    public int Seed { get; set; } = 1;

    public override void Validate() => TargetRules.Seed(Seed);
}

/// <summary>The target options shared by the verbs that generate, emulate or run a kernel: declared once, checked once.</summary>
public abstract class TargetOptions : SeededKernelOptions
{
    [Option("board", Default = "u55c", HelpText = "Target board: u55c (HBM), u280 (HBM, DDR) or zcu102 (PS DDR4).")]
    public string Board { get; set; } = "u55c";

    [Option("clock", Default = 300.0, HelpText = "Kernel clock in MHz, in (0, 300]: the operator latency table's column and run_hls.tcl's clock.")]
    public double ClockMhz { get; set; } = 300;

    public Board TargetBoard => TargetRules.Board(Board);

    public override void Validate()
    {
        base.Validate();
        _ = TargetBoard;
        TargetRules.Clock(ClockMhz);
    }
}

public abstract class GenerationOptions : TargetOptions
{
    [Option("out", HelpText = "Output folder (default build/hls/<kernel>/<config>, build/hls-source/... for --source kernels; build/rtl/... for the rtl verbs). A folder Accel wrote is updated " +
        "(its files replaced, stale ones removed, nothing else touched); a non-empty folder Accel did not write is refused unless --force.")]
    public string? Out { get; set; }

    [Option("force", HelpText = "Write into a non-empty --out folder that Accel did not write: its files are kept, Accel's are added or replaced.")]
    public bool Force { get; set; }
}
