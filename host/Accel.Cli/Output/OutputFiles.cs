using Accel.Codegen.Backends;

namespace Accel.Cli.Output;

/// <summary>Output files and folders named on the command line (--vcd, --trace, --report, --cache, xclbin --out):
/// checked before any long work starts, and written through <see cref="AtomicFile"/>. A path Accel cannot write is
/// an <see cref="OutputWriteException"/> naming the option and the path (exit 2).</summary>
public static class OutputFiles
{
    /// <summary>Throws unless <paramref name="path"/> can be created as a file.</summary>
    public static void RequireWritableFile(string option, string path)
    {
        string full = FullPath(option, path);
        if (Directory.Exists(full))
            throw new OutputWriteException($"{option} {path}: is a folder; expected a file name");
        RequireWritableFolder(option, path, Path.GetDirectoryName(full)!);
    }

    /// <summary>Throws unless the folder exists or can be created, and files can be created in it.</summary>
    public static void RequireWritableFolder(string option, string path) => RequireWritableFolder(option, path, FullPath(option, path));

    private static void RequireWritableFolder(string option, string path, string folder)
    {
        if (File.Exists(folder))
            throw new OutputWriteException($"{option} {path}: {folder} is a file, not a folder");
        Attempt(option, path, () => AtomicFile.Probe(folder));
    }

    /// <summary>Writes <paramref name="path"/> atomically; on any failure the previous file, if any, is left as it was.</summary>
    public static void WriteAtomically(string option, string path, Action<Stream> write)
    {
        string full = FullPath(option, path);
        Attempt(option, path, () => AtomicFile.Write(full, write));
    }

    private static string FullPath(string option, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            throw new OutputWriteException($"{option} '{path}': expected a file or folder path");
        return Path.GetFullPath(path);
    }

    private static void Attempt(string option, string path, Action action)
    {
        try { action(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new OutputWriteException($"{option} {path}: cannot write there: {e.Message}", e);
        }
    }
}
