namespace Accel.Tests;

/// <summary>Where test data and scratch folders live.</summary>
public static class TestPaths
{
    /// <summary>A data file copied next to the test assembly (kernel sources, snapshots).</summary>
    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    /// <summary>The names of a data folder's files matching <paramref name="pattern"/> (its kernel sources by
    /// default), in ordinal order, so test case names are stable.</summary>
    public static IEnumerable<string> DataFiles(string[] folder, string pattern = "*.cs") =>
        Directory.GetFiles(Data(folder), pattern).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal);

    /// <summary>The checkout's root: the folder holding Accel.sln above the test assembly.</summary>
    public static string Checkout()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Accel.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Accel.sln not found above the test folder");
    }

    /// <summary>The checkout's own copy of a file that tests rewrite on request (snapshots), under tests/.</summary>
    public static string Source(params string[] parts) => Path.Combine([Checkout(), "tests", .. parts]);

    public static string Scratch(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "accel-tests", $"{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
