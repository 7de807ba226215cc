namespace Accel.Resources;

/// <summary>A resource an estimate needs more of than the part holds (or than the allowed share of it).</summary>
public sealed record Overflow(Resource Resource, long Estimated, long Available, Part Part)
{
    public string Message => Available == 0
        ? $"{Resource.Key()} overflows {Part.Name}: the estimate needs {Estimated} and the part has none"
        : $"{Resource.Key()} overflows {Part.Name}: the estimate needs {Estimated}, the part allows {Available} ({100.0 * Estimated / Available:F0}% of that)";

    public override string ToString() => Message;
}

public static partial class Parts
{
    /// <summary>Every resource the estimate needs more of than <paramref name="part"/> holds, or than
    /// <paramref name="maxUtilisation"/> of it (place and route rarely closes near 100%); empty when it fits.</summary>
    public static IReadOnlyList<Overflow> Fit(ResourceEstimate estimate, Part part, double maxUtilisation = 1.0)
    {
        if (maxUtilisation is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(maxUtilisation), maxUtilisation, "expected a share in (0, 1]");
        var total = estimate.Total;
        return ResourceKeys.All
            .Select(r => (Resource: r, Need: total[r], Allowed: (long)Math.Floor(part.Capacity[r] * maxUtilisation)))
            .Where(x => x.Need > x.Allowed)
            .Select(x => new Overflow(x.Resource, x.Need, x.Allowed, part))
            .ToList();
    }
}
