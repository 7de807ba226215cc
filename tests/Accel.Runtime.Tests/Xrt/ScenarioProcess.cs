using System.Diagnostics;

namespace Accel.Runtime.Tests.Xrt;

/// <summary>
/// Runs a real-XRT scenario in a child process (this test assembly started through its own Main), with
/// the environment XRT needs set natively. XRT 2.13 aborts or crashes whole processes on some misuse,
/// and reads XILINX_XRT / XCL_EMULATION_MODE from the native environment at start-up; a child keeps
/// both away from the xunit process.
/// </summary>
internal static class ScenarioProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public sealed record Outcome(int ExitCode, string Output)
    {
        /// <summary>Fails the calling test with everything the child printed unless the scenario passed.</summary>
        public void AssertPassed(string scenario) =>
            Assert.True(ExitCode == 0, $"scenario '{scenario}' exited with {ExitCode} ({Describe(ExitCode)}):\n{Output}");
    }

    public static Outcome Run(string scenario, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(ScenarioProcess).Assembly.Location);
        start.ArgumentList.Add(ScenarioHost.Flag);
        start.ArgumentList.Add(scenario);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the scenario process");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        if (!child.WaitForExit(Limit))
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            Assert.Fail($"scenario '{scenario}' did not finish within {Limit.TotalSeconds} s (hang):\n{stdout.Result}{stderr.Result}");
        }
        return new Outcome(child.ExitCode, $"--- stdout\n{stdout.Result}--- stderr\n{stderr.Result}");
    }

    private static string Describe(int exitCode) => exitCode switch
    {
        1 => "assertion failed",
        134 => "SIGABRT: the process aborted",
        139 => "SIGSEGV: the process crashed",
        _ => "unexpected",
    };
}
