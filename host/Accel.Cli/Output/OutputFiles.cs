namespace Accel.Cli.Output;

/// <summary>Output files and folders named on the command line (--vcd, --trace, --report, --cache): checked before
/// any long work starts, and files written to a temporary sibling then renamed into place, so a failure (a full
/// disk, a killed run) leaves the previous file, or none, and never a partial one.</summary>
public static class OutputFiles
{
    /// <summary>Throws <see cref="OutputPathException"/> unless <paramref name="path"/> can be created as a file.</summary>
    public static void RequireWritableFile(string option, string path)
    {
        string full = FullPath(option, path);
        if (Directory.Exists(full))
            throw new OutputPathException($"{option} {path}: is a folder; expected a file name");
        RequireWritableFolder(option, path, Path.GetDirectoryName(full)!);
    }

    /// <summary>Throws <see cref="OutputPathException"/> unless the folder exists or can be created, and files can be created in it.</summary>
    public static void RequireWritableFolder(string option, string path) => RequireWritableFolder(option, path, FullPath(option, path));

    private static void RequireWritableFolder(string option, string path, string folder)
    {
        if (File.Exists(folder))
            throw new OutputPathException($"{option} {path}: {folder} is a file, not a folder");
        Attempt(option, path, () =>
        {
            Directory.CreateDirectory(folder);
            using (new FileStream(Path.Combine(folder, $".accel-probe-{Environment.ProcessId}-{Guid.NewGuid():N}"), FileMode.CreateNew,
                       FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        });
    }

    /// <summary>Writes <paramref name="path"/> through a temporary sibling renamed into place; on any failure the
    /// sibling is deleted and the previous file, if any, is left as it was.</summary>
    public static void WriteAtomically(string option, string path, Action<Stream> write)
    {
        string full = FullPath(option, path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Attempt(option, path, () =>
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }
                File.Move(temporary, full, overwrite: true);
            });
        }
        finally
        {
            try { File.Delete(temporary); }   // gone after the rename; left only by a failure
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static string FullPath(string option, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            throw new OutputPathException($"{option} '{path}': expected a file or folder path");
        return Path.GetFullPath(path);
    }

    private static void Attempt(string option, string path, Action action)
    {
        try { action(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new OutputPathException($"{option} {path}: cannot write there: {e.Message}", e);
        }
    }
}
