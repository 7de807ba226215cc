namespace Accel.Runtime.Tests.Xrt;

/// <summary>
/// Entry point of the test assembly when started as a child process (`dotnet exec Accel.Runtime.Tests.dll
/// --xrt-scenario name args`). Exit 0: the scenario's assertions held; 1: one failed (printed); 2: bad usage.
/// Any other code is a crash of the process, which is exactly what the child is there to contain.
/// </summary>
public static class ScenarioHost
{
    public const string Flag = "--xrt-scenario";

    public static int Main(string[] args)
    {
        if (args.Length < 2 || args[0] != Flag || !XrtScenarios.All.TryGetValue(args[1], out var scenario))
        {
            Console.Error.WriteLine($"usage: Accel.Runtime.Tests {Flag} <scenario> [arguments]; scenarios: {string.Join(", ", XrtScenarios.All.Keys)}");
            return 2;
        }
        try
        {
            scenario(args[2..]);
            Console.WriteLine($"scenario {args[1]} passed");
            return 0;
        }
        catch (Exception e)
        {
            Console.WriteLine(e);
            return 1;
        }
    }
}
