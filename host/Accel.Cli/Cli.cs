using Accel.Codegen;
using Accel.Codegen.Frontend;
using Spectre.Console;

namespace Accel.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;
}

/// <summary>Runs a command and turns the errors users can cause into messages and exit code 2.</summary>
public static class Cli
{
    /// <summary>Human output: tables, progress and errors go to stderr so stdout stays machine-readable.</summary>
    public static readonly IAnsiConsole Human = CreateHuman();

    private static IAnsiConsole CreateHuman()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected) console.Profile.Width = 160; // a log file, not a narrow terminal
        return console;
    }

    public static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (KernelDiagnosticsException e)
        {
            foreach (var d in e.Diagnostics) Console.Error.WriteLine(d);
            Console.Error.WriteLine($"accel: {e.Diagnostics.Count} problem(s); no C++ was written");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is KernelParameterException or FileNotFoundException or DirectoryNotFoundException or InvalidOperationException)
        {
            Console.Error.WriteLine($"accel: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (InternalCompilerException e)
        {
            Console.Error.WriteLine($"accel: {e.Message}. Please report it with the kernel source.");
            return ExitCodes.BadInput;
        }
    }

    public static void WriteJson(object value) =>
        Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(value, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
}
