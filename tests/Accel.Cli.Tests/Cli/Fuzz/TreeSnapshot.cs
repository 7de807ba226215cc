namespace Accel.Tests.Cli.Fuzz;

/// <summary>Every file under a folder with its size and write time, to tell which files a run created, changed or deleted.</summary>
internal sealed class TreeSnapshot
{
    private static readonly HashSet<string> Skipped = ["bin", "obj", ".git", "build", "TestResults", "BenchmarkDotNet.Artifacts"];

    private readonly Dictionary<string, (long Length, DateTime Written)> files = [];

    private TreeSnapshot() { }

    /// <param name="skipBuildFolders">skip bin/obj/build (the checkout's, which other test runs write)</param>
    public static TreeSnapshot Of(string root, bool skipBuildFolders)
    {
        var snapshot = new TreeSnapshot();
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
                if (!skipBuildFolders || !Skipped.Contains(Path.GetFileName(sub))) pending.Push(sub);
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                var info = new FileInfo(file);
                snapshot.files[file] = (info.Length, info.LastWriteTimeUtc);
            }
        }
        return snapshot;
    }

    /// <summary>Files created, changed or deleted since <paramref name="before"/>, outside the allowed folders.</summary>
    public IEnumerable<string> ChangedSince(TreeSnapshot before, IReadOnlyList<string> allowed) =>
        files.Keys.Union(before.files.Keys)
            .Where(f => !files.TryGetValue(f, out var now) || !before.files.TryGetValue(f, out var then) || now != then)
            .Where(f => !allowed.Any(a => f.StartsWith(a + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Order();
}
