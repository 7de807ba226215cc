namespace Accel.Dse;

/// <summary>Something a sweep can measure: a kernel, or the M3ViT encoder composed from kernels.</summary>
public interface IDseTarget
{
    /// <summary>The kernel name, or "m3vit": the cache folder and the report's title.</summary>
    string Name { get; }

    /// <summary>The parameters a --sweep may name.</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Validates a point's assignments (KernelParameterException naming the parameter when one is bad)
    /// and returns its whole configuration, defaults included, as one canonical string: the cache key, so that
    /// two spellings of one configuration share an entry and a changed default does not reuse a stale one.</summary>
    string Canonical(IReadOnlyList<string> assignments);

    DsePoint Measure(IReadOnlyList<string> assignments, DseSettings settings);
}
