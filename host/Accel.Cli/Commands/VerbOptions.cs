using Accel.Cli.Limits;
using CommandLine;

namespace Accel.Cli.Commands;

/// <summary>What every verb accepts: output form, and the budget every run is held to (see <see cref="Watchdog"/>).</summary>
public abstract class VerbOptions
{
    [Option("json", HelpText = "Print machine-readable JSON on stdout (tables and progress go to stderr).")]
    public bool Json { get; set; }

    [Option("verbose", HelpText = "On an error, also print the stack trace.")]
    public bool Verbose { get; set; }

    [Option("max-memory", HelpText = "Memory budget of the run (working set), e.g. 4G or 512M; default half the physical memory. Past it the run stops (exit 1).")]
    public string? MaxMemory { get; set; }

    [Option("timeout", Default = Budget.DefaultTimeoutSeconds, HelpText = "Wall-time limit of the whole run in seconds (for `run`, also the device wait). Past it the run stops (exit 1).")]
    public double TimeoutSeconds { get; set; } = Budget.DefaultTimeoutSeconds;

    public Budget Budget => Budget.Of(MaxMemory, TimeoutSeconds);

    /// <summary>What the command works on, for a budget message when no kernel code was running.</summary>
    public virtual string? Subject => null;
}
