namespace Accel.Tests.Cli;

/// <summary>The in-process CLI swaps the process's console and working folder, so its tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessCliCollection
{
    public const string Name = "in-process CLI";
}

/// <summary>Runs `accel` inside the test process through <see cref="Verbs.Dispatch"/> (no process start per case),
/// with stdout and stderr captured and the working folder set; the watchdog applies as in the real binary, except
/// that the test process's GC heap is left unlimited.</summary>
internal static class InProcessCli
{
    private static readonly Lock Gate = new();

    public static (int Exit, string Stdout, string Stderr) Run(string workingDirectory, params string[] args)
    {
        lock (Gate)
        {
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            var (oldOut, oldErr, oldDir) = (Console.Out, Console.Error, Environment.CurrentDirectory);
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Environment.CurrentDirectory = workingDirectory;
            try
            {
                int exit = Verbs.Dispatch(args);
                return (exit, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = oldDir;
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }
}
