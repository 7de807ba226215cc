using Accel.EdgeMoe.Model;
using Accel.EdgeMoe.Weights;

namespace Accel.EdgeMoe.Accuracy;

/// <summary>The fixed-point encoder against the float64 reference on the same weights and image, stage by stage,
/// for one task.</summary>
public static class EncoderAccuracy
{
    public static IReadOnlyList<StageError> Measure(EncoderConfig config, WeightSet weights, double[] image, int task)
    {
        weights.Validate(config);
        var fixedTrace = new FixedEncoder(config, weights).Run(image, task);
        var floatTrace = new FloatEncoder(config, weights).Run(image, task);
        return fixedTrace.Stages.Select(s => StageError.Between(s.Name, s.Values, floatTrace[s.Name])).ToList();
    }
}
