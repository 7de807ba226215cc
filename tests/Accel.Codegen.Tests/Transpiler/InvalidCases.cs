using System.Text.RegularExpressions;

namespace Accel.Tests.Transpiler;

/// <summary>A kernel outside the subset: the file of its family (Invalid/Statements.cs, ...), its kernel name,
/// the id it must produce and the line marked <c>//! ACCELnnnn</c>.</summary>
public sealed record InvalidCase(string FileName, string Kernel, string Id, int Line)
{
    private static readonly Regex KernelName = new(@"\[Kernel\(""([a-z0-9_]+)""\)\]", RegexOptions.Compiled);
    private static readonly Regex Marker = new(@"//! (ACCEL\d{4})\s*$", RegexOptions.Compiled);

    public static IReadOnlyList<InvalidCase> All() =>
        TestPaths.DataFiles(["Transpiler", "Invalid"]).SelectMany(In).ToList();

    public string Path => TestPaths.Data("Transpiler", "Invalid", FileName);

    /// <summary>A family file's cases in order: each case is contiguous, so its marker is the n-th marker when its
    /// kernel is the n-th kernel (a marker may stand before its kernel, on a struct the kernel uses).</summary>
    private static IEnumerable<InvalidCase> In(string fileName)
    {
        var lines = File.ReadAllLines(TestPaths.Data("Transpiler", "Invalid", fileName));
        var kernels = lines.Select(l => KernelName.Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        var markers = lines.Select((l, i) => (Match: Marker.Match(l), Line: i + 1)).Where(x => x.Match.Success).ToList();
        if (kernels.Count != markers.Count)
            throw new InvalidDataException($"{fileName}: {kernels.Count} kernels but {markers.Count} '//! ACCELnnnn' markers; each case marks one line");
        return kernels.Zip(markers, (k, m) => new InvalidCase(fileName, k, m.Match.Groups[1].Value, m.Line));
    }

    public override string ToString() => $"{FileName}:{Kernel}";
}
