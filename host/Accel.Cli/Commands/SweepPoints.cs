using Accel.Codegen.Frontend;
using Accel.Testbenches;

namespace Accel.Cli.Commands;

/// <summary>The points of `accel emulate --sweep`: the sweep's axes (see <see cref="Sweeps"/>) and every value
/// of the kernel's [Variant] parameters that the sweep does not fix, so variants are compared point by point.</summary>
public static class SweepPoints
{
    public static IReadOnlyList<IReadOnlyList<string>> Of(KernelInfo kernel, IEnumerable<string> sweeps)
    {
        var axes = Sweeps.Axes(sweeps, kernel.Parameters.Select(p => p.Name).ToList(), kernel.Name);
        foreach (var variant in kernel.Parameters.Where(p => p.IsVariant && axes.All(a => a.Name != p.Name)))
            axes.Add(new Sweeps.Axis(variant.Name, variant.ClrType == typeof(bool) ? ["true", "false"] : [variant.Default.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        return Sweeps.Points(axes);
    }
}
