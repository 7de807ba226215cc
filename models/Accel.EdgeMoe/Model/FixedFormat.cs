using Accel.Hw;

namespace Accel.EdgeMoe.Model;

/// <summary>W16A32: activations (and biases, LayerNorm shifts, embeddings) 32-bit with ActIntBits integer bits,
/// weights (and LayerNorm scales) 16-bit with WeightFracBits fraction bits; conversions round to nearest and
/// saturate.</summary>
public static class FixedFormat
{
    public const int ActIntBits = 10, ActFrac = 32 - ActIntBits, WeightFracBits = 14;

    public static short[] ToWeights(double[] values) => values.Select(v => (short)Fx.FromDouble(v, WeightFracBits, 16)).ToArray();
    public static int[] ToActivations(double[] values) => values.Select(v => (int)Fx.FromDouble(v, ActFrac, 32)).ToArray();
    public static double[] ToReal(int[] values) => values.Select(v => Fx.ToDouble(v, ActFrac)).ToArray();
}
