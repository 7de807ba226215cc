using System.Text;

namespace Accel.Codegen.Backends;

/// <summary>Writes a generated folder so that it never harms what is already there: every file goes to a
/// temporary sibling first (<see cref="AtomicFile"/>) and is renamed into place only when all were written (a full disk leaves the
/// previous folder as it was and no partial file); a manifest records what Accel wrote, so a later run replaces
/// and removes only those files; a folder that is not empty and has no manifest is refused unless forced.
/// Concurrent runs on one folder are safe: temporaries have unique names and renames are atomic.</summary>
public static class OutputFolder
{
    public const string ManifestName = ".accel-manifest";

    /// <summary>Fails early, before any long work: the folder must be creatable, writable, and ours or empty
    /// (or <paramref name="force"/>, which lets Accel add and replace its files beside the user's).</summary>
    public static void CheckWritable(string directory, bool force)
    {
        bool created = !Directory.Exists(directory);
        try
        {
            AtomicFile.Probe(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputWriteException($"cannot write to the output folder {directory}: {e.Message}", e);
        }
        if (created)
        {
            Directory.Delete(directory);   // a failure before the files are written leaves no empty folder behind
            return;
        }
        if (!force && !IsOurs(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new OutputWriteException($"the output folder {directory} is not empty and was not written by Accel (it has no {ManifestName}); " +
                "choose an empty or new folder, or pass --force to write Accel's files beside what is there (nothing else is deleted)");
    }

    public static bool IsOurs(string directory) => File.Exists(Path.Combine(directory, ManifestName));

    /// <param name="files">relative path (with '/' for subfolders) to contents</param>
    /// <returns>the relative paths written, in order</returns>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyDictionary<string, byte[]> files, string description, bool force)
    {
        CheckWritable(directory, force);
        var previous = ReadManifest(directory);
        var staged = new List<(string Temporary, string Final)>();
        string current = directory;
        try
        {
            foreach (var (name, contents) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                current = Path.Combine(directory, name);
                Directory.CreateDirectory(Path.GetDirectoryName(current)!);
                staged.Add((AtomicFile.Stage(current, stream => stream.Write(contents)), current));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var (temporary, _) in staged) AtomicFile.TryDelete(temporary);
            throw new OutputWriteException($"cannot write {current}: {e.Message}; the folder {directory} was left as it was", e);
        }
        foreach (var (temporary, final) in staged) AtomicFile.Commit(temporary, final);
        foreach (var stale in previous.Except(files.Keys)) AtomicFile.TryDelete(Path.Combine(directory, stale));
        WriteManifest(directory, files.Keys.Order(StringComparer.Ordinal).ToList(), description);
        return files.Keys.Order(StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<string> ReadManifest(string directory)
    {
        var path = Path.Combine(directory, ManifestName);
        if (!File.Exists(path)) return [];
        // Only plain relative names count: a manifest edited to point elsewhere cannot make Accel delete outside the folder.
        return File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#') && IsConfined(l)).ToList();
    }

    private static bool IsConfined(string relative) =>
        !Path.IsPathRooted(relative) && relative.Split('/').All(segment => segment.Length > 0 && segment is not ("." or ".."));

    private static void WriteManifest(string directory, IReadOnlyList<string> files, string description)
    {
        var text = new StringBuilder($"# written by accel ({description}); these files are replaced or removed by the next run\n");
        foreach (var file in files) text.Append(file).Append('\n');
        AtomicFile.Write(Path.Combine(directory, ManifestName), System.Text.Encoding.UTF8.GetBytes(text.ToString()));
    }
}
