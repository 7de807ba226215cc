using System.Diagnostics;

namespace Accel.Dse.Tests;

/// <summary>Headless Chromium (Debian's `chromium`), to look at the report as a browser builds it.</summary>
internal static class Chromium
{
    public static string? Executable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "chromium")).FirstOrDefault(File.Exists);

    /// <summary>The DOM after loading the page; fails with Chromium's stderr when it exits non-zero or hangs.</summary>
    public static string DumpDom(string page, string profile)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("chromium is not installed"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--dump-dom", new Uri(Path.GetFullPath(page)).AbsoluteUri })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium --dump-dom {page} did not finish in 60 s");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}

/// <summary>A fact skipped, with the reason, only when Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null)
            Skip = "chromium not installed (Debian package chromium: apt-get install -y chromium); the report was not checked in a browser";
    }
}
