namespace Accel.Codegen.Backends;

/// <summary>The one way Accel puts a file in place: written in full to a temporary sibling, then renamed
/// over the target, so a reader, a concurrent run or a failure (a full disk, a killed process) sees the previous file
/// or the new one, never a partial one. Temporaries carry <see cref="TemporaryMarker"/> and a unique suffix, and a
/// failed write deletes its own. Used by the generated folders (<see cref="OutputFolder"/>), the files named on the
/// command line (--vcd, --trace, --report), the xclbin writer and the DSE cache.</summary>
public static class AtomicFile
{
    public const string TemporaryMarker = ".accel-tmp-";

    /// <summary>Writes and renames into place; on failure the temporary is gone and <paramref name="path"/> is as it was.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var temporary = Stage(path, write);
        try
        {
            Commit(temporary, path);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public static void Write(string path, byte[] contents) => Write(path, stream => stream.Write(contents));

    /// <summary>Writes the temporary sibling of <paramref name="path"/> in full (deleted again if that fails) and
    /// returns its name, for a caller that renames several files only once all were written.</summary>
    public static string Stage(string path, Action<Stream> write)
    {
        var temporary = $"{path}{TemporaryMarker}{Guid.NewGuid():N}";
        try
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
            write(stream);
            stream.Flush();   // errors (a full disk) surface here, before the rename; a killed process loses nothing the kernel holds
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        return temporary;
    }

    public static void Commit(string temporary, string path) => File.Move(temporary, path, overwrite: true);

    /// <summary>Creates <paramref name="folder"/> if needed and creates and deletes a file in it: throws the
    /// IOException or UnauthorizedAccessException a real write would, before any long work.</summary>
    public static void Probe(string folder)
    {
        Directory.CreateDirectory(folder);
        using (new FileStream(Path.Combine(folder, $"{TemporaryMarker}probe-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write,
                   FileShare.None, 1, FileOptions.DeleteOnClose)) { }
    }

    public static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* best effort: a leftover is named as a temporary */ }
    }
}
