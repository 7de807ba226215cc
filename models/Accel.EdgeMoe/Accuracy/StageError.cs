namespace Accel.EdgeMoe.Accuracy;

/// <summary>How far one stage of the fixed-point model is from the float64 reference: relative error
/// ||fixed - ref|| / ||ref||, cosine similarity, and the largest and mean absolute differences.</summary>
public sealed record StageError(string Stage, double RelativeError, double Cosine, double MaxAbsError, double MeanAbsError)
{
    public static StageError Between(string stage, double[] fixedPoint, double[] reference)
    {
        if (fixedPoint.Length != reference.Length)
            throw new ArgumentException($"stage '{stage}': {fixedPoint.Length} fixed-point values against {reference.Length} reference values");
        double diff2 = 0, ref2 = 0, fix2 = 0, dot = 0, max = 0, sum = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            double a = fixedPoint[i], b = reference[i], e = Math.Abs(a - b);
            diff2 += e * e; ref2 += b * b; fix2 += a * a; dot += a * b;
            max = Math.Max(max, e); sum += e;
        }
        return new StageError(stage, Math.Sqrt(diff2 / ref2), dot / Math.Sqrt(fix2 * ref2), max, sum / reference.Length);
    }

    public override string ToString() =>
        $"{Stage,-12} rel {RelativeError:E3}  cos {Cosine:F7}  max {MaxAbsError:E3}  mean {MeanAbsError:E3}";
}
