namespace Accel.Testbenches.Accuracy;

/// <summary>Errors of a fixed-point kernel against a float64 reference over a stated input set.</summary>
public sealed record AccuracyReport(string Kernel, string Config, double MaxAbsErr, double MeanAbsErr, long Points, string InputRange, double? MaxRowSumErr = null);

/// <summary>Accumulates absolute errors without keeping them.</summary>
internal sealed class ErrorAccumulator
{
    public double Max { get; private set; }
    public double Sum { get; private set; }
    public long Count { get; private set; }
    public double Mean => Count == 0 ? 0 : Sum / Count;

    public void Add(double actual, double expected)
    {
        double error = Math.Abs(actual - expected);
        if (double.IsNaN(error)) error = double.PositiveInfinity;
        if (error > Max) Max = error;
        Sum += error;
        Count++;
    }
}
