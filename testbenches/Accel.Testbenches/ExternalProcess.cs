using System.Diagnostics;

namespace Accel.Testbenches;

/// <summary>Runs another program to completion and returns what it printed: g++, a C simulation, the `accel`
/// binary under test, Chromium. Output is read on both streams at once so neither can fill up and stall it.</summary>
public static class ExternalProcess
{
    /// <summary>Programs started and not yet finished, so a watchdog that stops the run can stop them too.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Process, byte> Running = new();

    /// <summary>Kills every program still running (with its children): the run they belong to is being stopped.</summary>
    public static void KillAll()
    {
        foreach (var process in Running.Keys)
        {
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { }   // it exited meanwhile
            catch (System.ComponentModel.Win32Exception) { }
        }
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    /// <param name="environment">variables to set, or to remove where the value is null</param>
    /// <param name="timeout">when given, a run past it is killed and reported as a <see cref="ToolRunException"/></param>
    public static Result Run(string file, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e) when (e.NativeErrorCode == 2) // ENOENT: not installed
        {
            throw new ToolMissingException(file, $"cannot run '{file}': it is not installed or not on PATH", e);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run '{file}': {e.Message}", e);
        }
        using (process)
        {
            Running[process] = 0;
            try { return WaitFor(process, file, arguments, timeout); }
            finally { Running.TryRemove(process, out _); }
        }
    }

    private static Result WaitFor(Process process, string file, IEnumerable<string> arguments, TimeSpan? timeout)
    {
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? Timeout.InfiniteTimeSpan))
        {
            process.Kill(entireProcessTree: true);
            throw new ToolRunException($"{file} {string.Join(' ', arguments)} did not finish within {timeout!.Value.TotalSeconds:F0} s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
