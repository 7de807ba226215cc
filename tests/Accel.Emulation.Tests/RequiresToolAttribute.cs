namespace Accel.Emulation.Tests;

/// <summary>A fact that is skipped, with the reason, when an external tool (from gtkwave) is not on the PATH.</summary>
public sealed class RequiresToolAttribute : FactAttribute
{
    public RequiresToolAttribute(params string[] tools)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var missing = tools.Where(tool => !path.Any(dir => File.Exists(Path.Combine(dir, tool)))).ToList();
        if (missing.Count > 0)
            Skip = $"{string.Join(" and ", missing)} not installed (Debian package gtkwave: apt-get install -y gtkwave)";
    }
}
