using Accel.Codegen.Frontend;

namespace Accel.Testbenches;

/// <summary>Parameter sweeps written `--sweep name=v1,v2,...`: the axes, checked against the parameters that
/// exist, and the points of their cross product (the last axis varies fastest). Each point is a list of
/// name=value assignments, ready for <see cref="KernelConfig.Resolve"/>.</summary>
public static class Sweeps
{
    public sealed record Axis(string Name, IReadOnlyList<string> Values);

    public static List<Axis> Axes(IEnumerable<string> sweeps, IReadOnlyCollection<string> parameters, string owner)
    {
        var axes = new List<Axis>();
        foreach (var sweep in sweeps)
        {
            var parts = sweep.Split('=', 2, StringSplitOptions.TrimEntries);
            var values = parts.Length == 2 ? parts[1].Split(',', StringSplitOptions.TrimEntries) : [];
            if (parts.Length != 2 || parts[0].Length == 0 || values.Length == 0 || values.Any(v => v.Length == 0))
                throw new KernelParameterException($"--sweep '{sweep}' is not of the form name=v1,v2,... (no empty values)");
            if (!parameters.Contains(parts[0]))
                throw new KernelParameterException($"--sweep: '{owner}' has no parameter '{parts[0]}'; parameters: {string.Join(", ", parameters)}");
            if (axes.Any(a => a.Name == parts[0]))
                throw new KernelParameterException($"--sweep: '{parts[0]}' is swept twice; give its values in one --sweep");
            axes.Add(new Axis(parts[0], values.Distinct().ToArray()));
        }
        return axes;
    }

    public static List<IReadOnlyList<string>> Points(IEnumerable<Axis> axes)
    {
        IEnumerable<IReadOnlyList<string>> points = [[]];
        foreach (var axis in axes)
            points = points.SelectMany(p => axis.Values.Select(v => (IReadOnlyList<string>)[.. p, $"{axis.Name}={v}"])).ToList();
        return points.ToList();
    }

    /// <summary>The parameter names of a point's assignments, in order.</summary>
    public static List<string> Names(IReadOnlyList<string> assignments) => assignments.Select(a => a.Split('=', 2)[0].Trim()).ToList();
}
