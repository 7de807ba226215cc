using Accel.Codegen;
using Accel.EdgeMoe;
using Accel.EdgeMoe.Accuracy;
using Accel.EdgeMoe.Model;
using Accel.EdgeMoe.Timing;
using Accel.EdgeMoe.Weights;
using Accel.Emulation.Kernels;
using Accel.Resources;
using Accel.Kernels.Catalog;
using Accel.Testbenches;

namespace Accel.Dse;

/// <summary>The M3ViT encoder (a preset and --param overrides, as `accel emulate m3vit` takes them): one forward
/// pass on the emulator, kernel call by kernel call, with seeded random weights (seed) and image (seed + 1).
/// Error: 1 - cosine similarity of the task head's output against the float64 model on the same weights.
/// Resources: the sum of the estimates of every distinct kernel configuration the encoder calls, since each is
/// its own hardware kernel on the device (calls of one configuration share it).</summary>
public sealed class M3vitTarget(string? preset = null, IReadOnlyList<string>? baseParams = null) : IDseTarget
{
    public const string TargetName = "m3vit";
    private readonly IReadOnlyList<string> baseParams = baseParams ?? [];

    public string Name => TargetName;

    public IReadOnlyList<string> ParameterNames => EncoderParameters.Names.ToList();

    public string Canonical(IReadOnlyList<string> assignments)
    {
        var (config, task) = EncoderParameters.Resolve(preset, baseParams.Concat(assignments));
        return string.Join(",", EncoderParameters.Of(config, task).Select(p => $"{p.Name}={p.Value}"));
    }

    public DsePoint Measure(IReadOnlyList<string> assignments, DseSettings settings)
    {
        var (config, task) = EncoderParameters.Resolve(preset, baseParams.Concat(assignments));
        var weights = RandomWeights.Create(config, settings.Seed);
        weights.Validate(config);
        var image = RandomWeights.Image(config, settings.Seed + 1);
        var recorder = new RecordingRunner(new EmulatingRunner(new KernelEmulator.Options(settings.ClockMhz, settings.Board)));
        var fixedTrace = new FixedEncoder(config, weights, recorder).Run(image, task);
        var floatTrace = new FloatEncoder(config, weights).Run(image, task);
        var head = StageError.Between(EncoderTrace.Head, fixedTrace[EncoderTrace.Head], floatTrace[EncoderTrace.Head]);

        long cycles = recorder.Inner.Stages.Sum(s => s.Cycles);
        var estimates = recorder.Kernels.Select(Estimate).ToList();
        var combined = new ResourceEstimate(Name, estimates.SelectMany(e => e.Items).ToList(), estimates.SelectMany(e => e.Memories).ToList(),
            estimates.SelectMany(e => e.Notes).Distinct().ToList());
        var overflows = Parts.Fit(combined, settings.Part).Select(o => o.Message).ToList();
        var swept = SweepSpace.Names(assignments);
        return new DsePoint(EncoderParameters.Of(config, task).Where(p => swept.Contains(p.Name)).OrderBy(p => swept.IndexOf(p.Name)).ToDictionary(p => p.Name, p => (long)p.Value),
            cycles, cycles / (settings.ClockMhz * 1e3), new PointError("1-cosine", 1 - head.Cosine, head.MeanAbsError, head.RelativeError), null,
            DsePoint.ResourcesOf(combined.Total), overflows);
    }

    private static ResourceEstimate Estimate(KernelInstance instance)
    {
        var project = KernelCatalog.BuiltIn;
        var kernel = KernelCatalog.Find(project, instance.KernelName);
        return ResourceEstimator.Estimate(Transpiler.Lower(project, kernel, Codegen.Frontend.KernelConfig.Resolve(kernel, null, instance.Assignments)));
    }

    /// <summary>Passes every call to the emulating runner and keeps each distinct kernel configuration once.</summary>
    private sealed class RecordingRunner(EmulatingRunner inner) : IStageRunner
    {
        private readonly Dictionary<string, KernelInstance> kernels = [];
        public EmulatingRunner Inner => inner;
        public IEnumerable<KernelInstance> Kernels => kernels.Values;

        public void Run(StageCall call)
        {
            kernels.TryAdd($"{call.Kernel.KernelName}|{string.Join(",", call.Kernel.Assignments)}", call.Kernel);
            inner.Run(call);
        }
    }
}
