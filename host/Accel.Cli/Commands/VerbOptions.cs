using CommandLine;

namespace Accel.Cli.Commands;

/// <summary>What every verb accepts.</summary>
public abstract class VerbOptions
{
    [Option("json", HelpText = "Print machine-readable JSON on stdout (tables and progress go to stderr).")]
    public bool Json { get; set; }

    [Option("verbose", HelpText = "On an error, also print the stack trace.")]
    public bool Verbose { get; set; }
}
