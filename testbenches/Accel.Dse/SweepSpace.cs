using Accel.Codegen.Frontend;
using Accel.Testbenches;

namespace Accel.Dse;

/// <summary>The points of a design-space sweep (see <see cref="Sweeps"/>). Every point is validated by the target
/// before anything runs, so a bad value fails at once rather than after minutes of emulation.</summary>
public static class SweepSpace
{
    public static IReadOnlyList<IReadOnlyList<string>> Of(IDseTarget target, IEnumerable<string> sweeps)
    {
        var axes = Sweeps.Axes(sweeps, target.ParameterNames.ToList(), target.Name);
        if (axes.Count == 0) throw new KernelParameterException("dse: give at least one --sweep name=v1,v2,...");
        var points = Sweeps.Points(axes);
        foreach (var point in points) target.Canonical(point);
        return points;
    }

    public static List<string> Names(IReadOnlyList<string> assignments) => Sweeps.Names(assignments);
}
