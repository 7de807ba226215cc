namespace Accel.Codegen.Frontend;

/// <summary>A bad kernel parameter, configuration name or value given by the user (exit code 2).</summary>
public sealed class KernelParameterException(string message) : Exception(message);

/// <summary>One configuration of a kernel: every parameter with its value, and the folder name it gets under
/// build/hls/&lt;kernel&gt;/.</summary>
public sealed record KernelConfig(string Name, IReadOnlyDictionary<string, long> Values)
{
    public const string DefaultName = "default";

    /// <summary>Resolves a named configuration and/or k=v overrides against the kernel's declared parameters, then
    /// checks the kernel's [Requires] conditions. <paramref name="sweepPoint"/> is one point of a --sweep: it may
    /// not set a parameter that --param already sets.</summary>
    public static KernelConfig Resolve(KernelInfo kernel, string? configName, IEnumerable<string> assignments, IReadOnlyList<string>? sweepPoint = null)
    {
        var values = kernel.Parameters.ToDictionary(p => p.Name, p => p.Default);
        string name = DefaultName;
        if (configName is not null && configName != DefaultName)
        {
            var named = kernel.Configs.FirstOrDefault(c => c.Name == configName)
                ?? throw new KernelParameterException($"kernel '{kernel.Name}' has no configuration '{configName}'; configurations: {string.Join(", ", [DefaultName, .. kernel.Configs.Select(c => c.Name)])}");
            Apply(kernel, values, named.Assignments.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), $"configuration '{named.Name}'");
            name = named.Name;
        }
        var overrides = assignments.ToList();
        var set = Apply(kernel, values, overrides, "--param");
        var swept = Apply(kernel, values, sweepPoint ?? [], "--sweep");
        if (set.Intersect(swept).FirstOrDefault() is { } both)
            throw new KernelParameterException($"--param {both}=... and --sweep {both}=... both set '{both}'; give it in one of them");
        if (set.Count + swept.Count > 0)
        {
            name = string.Join("_", values.Where(kv => kv.Value != kernel.Parameters.First(p => p.Name == kv.Key).Default)
                .OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}-{kv.Value}"));
            if (name.Length == 0) name = DefaultName;
        }
        foreach (var condition in kernel.Requirements.Where(c => !c.Holds(values)))
            throw new KernelParameterException($"kernel '{kernel.Name}' requires {condition.Text}{(condition.Reason.Length > 0 ? $" ({condition.Reason})" : "")}; " +
                $"configuration '{name}' has {string.Join(", ", kernel.Parameters.Where(p => condition.Text.Contains(p.Name, StringComparison.Ordinal)).Select(p => $"{p.Name}={values[p.Name]}"))}");
        return new KernelConfig(name, values);
    }

    /// <returns>the names of the parameters the assignments set; a name set twice is refused</returns>
    private static HashSet<string> Apply(KernelInfo kernel, Dictionary<string, long> values, IEnumerable<string> assignments, string origin)
    {
        var set = new HashSet<string>();
        foreach (var assignment in assignments)
        {
            var parts = assignment.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
                throw new KernelParameterException($"{origin}: '{assignment}' is not of the form name=value");
            var parameter = kernel.Parameters.FirstOrDefault(p => p.Name == parts[0])
                ?? throw new KernelParameterException($"{origin}: kernel '{kernel.Name}' has no parameter '{parts[0]}'; parameters: {string.Join(", ", kernel.Parameters.Select(p => p.Name))}");
            long value = parameter.ClrType == typeof(bool)
                ? parts[1] switch { "true" or "1" => 1, "false" or "0" => 0, _ => throw Bad(parameter, parts[1], origin) }
                : long.TryParse(parts[1], out var parsed) ? parsed : throw Bad(parameter, parts[1], origin);
            if (value < parameter.Min || value > parameter.Max) throw Bad(parameter, parts[1], origin);
            if (!set.Add(parameter.Name))
                throw new KernelParameterException($"{origin}: parameter '{parameter.Name}' is given twice; give it once");
            values[parameter.Name] = value;
        }
        return set;
    }

    private static KernelParameterException Bad(KernelParameterInfo p, string text, string origin) =>
        new($"{origin}: parameter '{p.Name}' = '{text}' is invalid; expected {(p.ClrType == typeof(bool) ? "true or false" : $"an integer in [{p.Min}, {p.Max}]")}");
}
