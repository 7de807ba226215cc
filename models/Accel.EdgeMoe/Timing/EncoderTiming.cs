using Accel.EdgeMoe.Model;
using Accel.EdgeMoe.Weights;
using Accel.Emulation.Kernels;

namespace Accel.EdgeMoe.Timing;

/// <summary>The emulated timing of one forward pass of the fixed-point encoder, kernel call by kernel call.
/// The kernels run one after another on the device (each call's outputs are the next one's inputs and nothing
/// overlaps them), so the total is the sum of the calls' cycles.</summary>
public sealed record EncoderTiming(EncoderConfig Config, int Task, string Board, double ClockMhz, IReadOnlyList<StageTiming> Stages, EncoderTrace Trace)
{
    public long Cycles => Stages.Sum(s => s.Cycles);
    public double TimeMs => Cycles / (ClockMhz * 1e3);

    public IReadOnlyList<StageTiming> PatchEmbedding => Stages.Where(s => s.Stage == StageNames.PatchEmbed).ToList();

    /// <summary>The final norm and the task head, after the last layer.</summary>
    public IReadOnlyList<StageTiming> Head => Stages.Where(s => s.Stage is StageNames.FinalNorm or StageNames.Head).ToList();

    public IReadOnlyList<IReadOnlyList<StageTiming>> Layers =>
        Enumerable.Range(0, Config.Layers).Select(l => (IReadOnlyList<StageTiming>)Stages.Where(s => s.Layer == l).ToList()).ToList();

    /// <summary>Runs the encoder on the emulator. <paramref name="onStage"/> sees each call as it finishes (progress).</summary>
    public static EncoderTiming Measure(EncoderConfig config, WeightSet weights, double[] image, int task, KernelEmulator.Options options,
        Action<StageTiming>? onStage = null)
    {
        weights.Validate(config);
        var runner = new EmulatingRunner(options, onStage);
        var trace = new FixedEncoder(config, weights, runner).Run(image, task);
        return new EncoderTiming(config, task, options.Board, options.ClockMhz, runner.Stages, trace);
    }
}
