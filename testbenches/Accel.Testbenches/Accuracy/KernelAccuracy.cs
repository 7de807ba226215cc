using Accel.Codegen.Frontend;

namespace Accel.Testbenches.Accuracy;

/// <summary>The accuracy measurements by kernel name.</summary>
public static class KernelAccuracy
{
    public static IReadOnlyList<string> Kernels { get; } = ["gelu", "softmax"];

    public static AccuracyReport Measure(KernelProject project, string kernelName, KernelConfig config, int seed = 1) => kernelName switch
    {
        "gelu" => GeluAccuracy.Measure(project, config),
        "softmax" => SoftmaxAccuracy.Measure(project, config, seed),
        _ => throw new KernelParameterException($"accuracy has no float reference for kernel '{kernelName}'; it measures: {string.Join(", ", Kernels)}"),
    };
}
