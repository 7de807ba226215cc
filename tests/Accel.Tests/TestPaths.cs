namespace Accel.Tests;

/// <summary>Where test data and scratch folders live.</summary>
internal static class TestPaths
{
    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    /// <summary>The checkout's own folder for a file that tests rewrite on request (snapshots).</summary>
    public static string Source(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Accel.sln"))) dir = dir.Parent;
        return Path.Combine([dir?.FullName ?? throw new InvalidOperationException("Accel.sln not found above the test folder"), "tests", "Accel.Tests", .. parts]);
    }

    public static string Scratch(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "accel-tests", $"{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
