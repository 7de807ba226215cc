namespace Accel.EdgeMoe.Tests;

/// <summary>Scratch folders for generated HLS projects and weight files.</summary>
internal static class TestPaths
{
    public static string Scratch(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "accel-edgemoe-tests", $"{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
