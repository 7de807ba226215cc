using Spectre.Console;

namespace Accel.Cli;

/// <summary>Runs one verb: every exception it lets out is reported and mapped to an exit code by <see cref="ErrorMap"/>.</summary>
public static class Cli
{
    /// <summary>Human output: tables, progress and errors go to stderr so stdout stays machine-readable.</summary>
    /// <summary>Follows <see cref="Console.Error"/> when it is replaced (the in-process tests capture it).</summary>
    public static IAnsiConsole Human
    {
        get
        {
            var writer = Console.Error;
            var current = human;
            if (current is null || !ReferenceEquals(current.Value.Writer, writer)) human = current = (writer, CreateHuman(writer));
            return current.Value.Console;
        }
    }

    private static (TextWriter Writer, IAnsiConsole Console)? human;

    private static IAnsiConsole CreateHuman(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (Console.IsErrorRedirected) console.Profile.Width = 160; // a log file, not a narrow terminal
        return console;
    }

    public static int Run(string verb, bool verbose, Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e)
        {
            var failure = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e;
            foreach (var line in ErrorMap.Report(verb, failure, verbose)) Console.Error.WriteLine(line);
            return ErrorMap.ExitCode(ErrorMap.Classify(failure));
        }
    }

    public static void WriteJson(object value) =>
        Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(value, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
}
