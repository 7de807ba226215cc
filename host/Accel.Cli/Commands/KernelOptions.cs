using Accel.Codegen.Frontend;
using Accel.Testbenches;
using CommandLine;

namespace Accel.Cli.Commands;

/// <summary>What every per-kernel verb accepts: the kernel, where it comes from, and its configuration.</summary>
public abstract class KernelOptions
{
    [Value(0, MetaName = "kernel", Required = true, HelpText = "Kernel name (see `accel list`).")]
    public string Kernel { get; set; } = "";

    [Option("source", Separator = ',', HelpText = "Compile the kernel from these C# files instead of the built-in kernels.")]
    public IEnumerable<string> Sources { get; set; } = [];

    [Option("config", HelpText = "A named configuration of the kernel (see `accel list`).")]
    public string? Config { get; set; }

    [Option("param", HelpText = "Parameter overrides, name=value (repeatable, or space-separated).")]
    public IEnumerable<string> Params { get; set; } = [];

    [Option("json", HelpText = "Print machine-readable JSON on stdout.")]
    public bool Json { get; set; }

    public (KernelProject Project, KernelInfo Kernel, KernelConfig Config) Resolve()
    {
        var project = KernelCatalog.Load(Sources.ToList());
        var kernel = KernelCatalog.Find(project, Kernel);
        return (project, kernel, KernelConfig.Resolve(kernel, Config, Params));
    }
}

public abstract class GenerationOptions : KernelOptions
{
    [Option("out", HelpText = "Output folder (default build/hls/<kernel>/<config>).")]
    public string? Out { get; set; }

    [Option("board", Default = "u55c", HelpText = "Target board: u55c, u280 or zcu102.")]
    public string Board { get; set; } = "u55c";

    [Option("clock", Default = 300.0, HelpText = "Clock in MHz for run_hls.tcl.")]
    public double ClockMhz { get; set; } = 300;

    [Option("seed", Default = 1, HelpText = "Seed of the golden stimulus.")]
    public int Seed { get; set; } = 1;
}
