namespace Accel.Testbenches.Accuracy;

/// <summary>The accuracy each approximation must reach (issue targets), checked by `accel accuracy` and the tests.</summary>
public sealed record AccuracyTargets(double MaxAbsErr, double? MaxRowSumErr, string Description)
{
    public static AccuracyTargets For(string kernel) => kernel switch
    {
        "gelu" => new(1.5e-4, null, "max <= 1.5e-4"),
        "softmax" => new(2e-5, 1e-4, "max <= 2e-5, row sums within 1e-4"),
        _ => throw new Codegen.Frontend.KernelParameterException($"no accuracy target for kernel '{kernel}'"),
    };

    public bool Holds(AccuracyReport report) =>
        report.MaxAbsErr <= MaxAbsErr && (MaxRowSumErr is null || report.MaxRowSumErr <= MaxRowSumErr);
}
