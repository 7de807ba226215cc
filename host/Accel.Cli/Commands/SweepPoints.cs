using Accel.Codegen.Frontend;

namespace Accel.Cli.Commands;

/// <summary>The points of a parameter sweep: the cross product of every `--sweep name=v1,v2,...`, and of every
/// value of the kernel's [Variant] parameters that the sweep does not fix (so variants are compared point by
/// point). Each point is a list of name=value assignments.</summary>
public static class SweepPoints
{
    public static IReadOnlyList<string[]> Of(KernelInfo kernel, IEnumerable<string> sweeps)
    {
        var axes = new List<(string Name, string[] Values)>();
        foreach (var sweep in sweeps)
        {
            var parts = sweep.Split('=', 2, StringSplitOptions.TrimEntries);
            var values = parts.Length == 2 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            if (parts.Length != 2 || parts[0].Length == 0 || values.Length == 0)
                throw new KernelParameterException($"--sweep '{sweep}' is not of the form name=v1,v2,...");
            if (kernel.Parameters.All(p => p.Name != parts[0]))
                throw new KernelParameterException($"--sweep: kernel '{kernel.Name}' has no parameter '{parts[0]}'; parameters: {string.Join(", ", kernel.Parameters.Select(p => p.Name))}");
            axes.Add((parts[0], values));
        }
        foreach (var variant in kernel.Parameters.Where(p => p.IsVariant && axes.All(a => a.Name != p.Name)))
            axes.Add((variant.Name, variant.ClrType == typeof(bool) ? ["true", "false"] : [variant.Default.ToString(System.Globalization.CultureInfo.InvariantCulture)]));

        IEnumerable<string[]> points = [[]];
        foreach (var (name, values) in axes)
            points = points.SelectMany(p => values.Select(v => p.Append($"{name}={v}").ToArray())).ToList();
        return points.ToList();
    }
}
