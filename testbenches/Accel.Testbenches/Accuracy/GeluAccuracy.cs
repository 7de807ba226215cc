using Accel.Kernels.Catalog;
using Accel.Codegen.Frontend;
using Accel.Hw;
using Accel.Codegen.Reference;

namespace Accel.Testbenches.Accuracy;

/// <summary>GELU against the exact x Phi(x) = 0.5 x (1 + erf(x / sqrt 2)) (MathNet's normal CDF) on 2^20 + 1 evenly spaced points of [-8, 8]
/// (every point is exactly representable in the kernel's input format).</summary>
public static class GeluAccuracy
{
    public const int Points = (1 << 20) + 1;
    public const double Lo = -8, Hi = 8;

    public static AccuracyReport Measure(KernelProject project, KernelConfig config)
    {
        var kernel = KernelCatalog.Find(project, "gelu");
        var activator = new KernelActivator(kernel, config);
        int rowLength = (int)config.Values["rowLength"];
        int frac = 32 - (int)config.Values["actIntBits"];
        int rows = (Points + rowLength - 1) / rowLength;
        var x = new int[rows * rowLength];
        for (int i = 0; i < x.Length; i++)
            x[i] = (int)Fx.FromDouble(Lo + (Hi - Lo) * Math.Min(i, Points - 1) / (Points - 1), frac, 32);
        var stimulus = new Stimulus(0).Scalar("rows", rows).Array("x", x).Output<int>("y", x.Length);
        var y = (int[])activator.Run(stimulus)["y"];

        var errors = new ErrorAccumulator();
        for (int i = 0; i < Points; i++)
            errors.Add(Fx.ToDouble(y[i], frac), Kernels.FixedGelu.Exact(Fx.ToDouble(x[i], frac)));
        return new AccuracyReport("gelu", config.Name, errors.Max, errors.Mean, errors.Count, $"{Points} points evenly spaced over [{Lo}, {Hi}]");
    }
}
