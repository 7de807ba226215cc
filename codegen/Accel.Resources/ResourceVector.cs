namespace Accel.Resources;

/// <summary>The FPGA resources an estimate counts, named as Vitis HLS reports them.</summary>
public enum Resource { Dsp, Bram18K, Uram, Lut, Ff }

public static class ResourceKeys
{
    public static readonly IReadOnlyList<Resource> All = [Resource.Dsp, Resource.Bram18K, Resource.Uram, Resource.Lut, Resource.Ff];

    /// <summary>The key of the resource in csynth.xml (AreaEstimates/Resources) and in our --json output.</summary>
    public static string Key(this Resource resource) => resource switch
    {
        Resource.Dsp => "DSP",
        Resource.Bram18K => "BRAM_18K",
        Resource.Uram => "URAM",
        Resource.Lut => "LUT",
        Resource.Ff => "FF",
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };
}

/// <summary>An amount of each resource: DSP48E2 slices, 18 Kbit block RAMs, UltraRAMs, LUTs, flip-flops.</summary>
public readonly record struct ResourceVector(long Dsp, long Bram18K, long Uram, long Lut, long Ff)
{
    public static readonly ResourceVector Zero = default;

    public long this[Resource resource] => resource switch
    {
        Resource.Dsp => Dsp,
        Resource.Bram18K => Bram18K,
        Resource.Uram => Uram,
        Resource.Lut => Lut,
        Resource.Ff => Ff,
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };

    public static ResourceVector operator +(ResourceVector a, ResourceVector b) =>
        new(a.Dsp + b.Dsp, a.Bram18K + b.Bram18K, a.Uram + b.Uram, a.Lut + b.Lut, a.Ff + b.Ff);

    public static ResourceVector operator *(ResourceVector a, long n) =>
        new(a.Dsp * n, a.Bram18K * n, a.Uram * n, a.Lut * n, a.Ff * n);

    public static ResourceVector Sum(IEnumerable<ResourceVector> items) => items.Aggregate(Zero, (a, b) => a + b);

    public override string ToString() => $"DSP {Dsp}, BRAM_18K {Bram18K}, URAM {Uram}, LUT {Lut}, FF {Ff}";
}
