using Accel.Codegen;
using Accel.Codegen.Frontend;
using Accel.Emulation.Kernels;
using Accel.Resources;
using Accel.Testbenches;
using Accel.Testbenches.Accuracy;
using Accel.Codegen.Reference;

namespace Accel.Dse;

/// <summary>A kernel of the catalog at a base configuration (--config, --param) with a sweep's assignments on top:
/// emulated on its own [Stimulus], estimated from its IR, and measured against the float64 reference when
/// <see cref="KernelAccuracy"/> has one (gelu, softmax).</summary>
public sealed class KernelTarget(KernelProject project, KernelInfo kernel, string? baseConfig = null, IReadOnlyList<string>? baseParams = null) : IDseTarget
{
    private readonly IReadOnlyList<string> baseParams = baseParams ?? [];

    public string Name => kernel.Name;

    public IReadOnlyList<string> ParameterNames => kernel.Parameters.Select(p => p.Name).ToList();

    public bool HasReference => KernelAccuracy.Kernels.Contains(kernel.Name);

    public string Canonical(IReadOnlyList<string> assignments) =>
        string.Join(",", Resolve(assignments).Values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));

    public DsePoint Measure(IReadOnlyList<string> assignments, DseSettings settings)
    {
        var config = Resolve(assignments);
        var stimulus = new KernelActivator(kernel, config).MakeStimulus(settings.Seed);
        var report = KernelEmulator.Run(project, kernel, config, stimulus, new KernelEmulator.Options(settings.ClockMhz, settings.Board)).Report;
        var estimate = ResourceEstimator.Estimate(Transpiler.Lower(project, kernel, config));
        var overflows = Parts.Fit(estimate, settings.Part).Select(o => o.Message).ToList();

        PointError? error = null;
        string? note = null;
        if (HasReference)
        {
            var accuracy = KernelAccuracy.Measure(project, kernel.Name, config, settings.Seed);
            error = new PointError("max_abs_err", accuracy.MaxAbsErr, accuracy.MeanAbsErr, null);
        }
        else note = $"no float64 reference for kernel '{kernel.Name}' (references exist for {string.Join(", ", KernelAccuracy.Kernels)}): error not measured";

        var swept = SweepSpace.Names(assignments);
        return new DsePoint(config.Values.Where(kv => swept.Contains(kv.Key)).OrderBy(kv => swept.IndexOf(kv.Key)).ToDictionary(),
            report.TotalCycles, report.TimeMs, error, note, DsePoint.ResourcesOf(estimate.Total), overflows);
    }

    private KernelConfig Resolve(IReadOnlyList<string> assignments) => KernelConfig.Resolve(kernel, baseConfig, baseParams, assignments);
}
