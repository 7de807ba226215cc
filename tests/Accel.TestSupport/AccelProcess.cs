using Accel.Testbenches;

namespace Accel.Tests;

/// <summary>The `accel` binary as users run it, one process per call.</summary>
public static class AccelProcess
{
    public static (int Exit, string Stdout, string Stderr) Run(params string[] args) => RunIn(TestPaths.Scratch("cli"), args);

    /// <summary>The CLI run in <paramref name="directory"/> (its build/ folder goes there).</summary>
    public static (int Exit, string Stdout, string Stderr) RunIn(string directory, params string[] args)
    {
        var result = ExternalProcess.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "accel.dll"), .. args], directory);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }
}
