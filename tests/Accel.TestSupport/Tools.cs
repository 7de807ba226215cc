namespace Accel.Tests;

/// <summary>External tools (g++, verilator, yosys) looked up on PATH.</summary>
public static class Tools
{
    public static bool Has(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));

    public static (int Code, string Output) Run(string tool, params string[] args)
    {
        var result = Testbenches.ExternalProcess.Run(tool, args);
        return (result.ExitCode, result.Output);
    }
}
