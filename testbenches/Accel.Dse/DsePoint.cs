using System.Text.Json.Serialization;
using Accel.Resources;

namespace Accel.Dse;

/// <summary>One measured point of a sweep: the swept parameters, the emulated cycles and time, the error against
/// the float64 reference (null when the target has none: <see cref="ErrorNote"/> says why), the resource
/// estimate keyed as csynth.xml names the resources, and every resource that overflows the part.
/// This record is also the cache file and the --json point, so its property names are the JSON contract
/// (snake_case: params, cycles, time_ms, error, error_note, resources, overflows, fits).</summary>
public sealed record DsePoint(
    IReadOnlyDictionary<string, long> Params,
    long Cycles,
    double TimeMs,
    PointError? Error,
    string? ErrorNote,
    IReadOnlyDictionary<string, long> Resources,
    IReadOnlyList<string> Overflows)
{
    public bool Fits => Overflows.Count == 0;

    [JsonIgnore] public long Dsp => Resources[Resource.Dsp.Key()];
    [JsonIgnore] public long Bram18K => Resources[Resource.Bram18K.Key()];

    public static IReadOnlyDictionary<string, long> ResourcesOf(ResourceVector total) =>
        ResourceKeys.All.ToDictionary(r => r.Key(), r => total[r]);

    /// <summary>The swept parameters as "a=1 b=2", for tables and plot tooltips.</summary>
    [JsonIgnore] public string Label => string.Join(" ", Params.Select(kv => $"{kv.Key}={kv.Value}"));
}

/// <summary>An error against a float64 reference. <see cref="Metric"/> names what <see cref="Value"/> is
/// (the objective the Pareto front minimises): "max_abs_err" for a kernel's outputs, "1-cosine" for the
/// M3ViT head; the other fields are reported when the measurement gives them.</summary>
public sealed record PointError(string Metric, double Value, double? MeanAbsErr, double? RelativeError);
