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
        var result = Testbenches.ExternalProcess.Run(Executable ?? throw new InvalidOperationException("chromium is not installed"),
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--dump-dom", new Uri(Path.GetFullPath(page)).AbsoluteUri],
            // A bound on a hang, not a speed check: parsing the report's inlined plotly.js (3.6 MB) took over 60 s
            // on this 2-core machine under a load average of about 70.
            timeout: TimeSpan.FromSeconds(240));
        if (result.ExitCode != 0) throw new InvalidOperationException($"chromium exited with {result.ExitCode}: {result.Stderr}");
        return result.Stdout;
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
