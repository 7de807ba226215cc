namespace Accel.Omap.PathOram;

/// <summary>
/// The stash-size tail the default stash bound rests on, for Z = 4 with about N buckets (25% of slots used):
/// P(stash holds at least s blocks after an access) &lt;= 0.05 * 2^-s. Stefanov et al. prove a bound of this
/// geometric shape (14 * 0.6002^R) only for Z >= 5; for Z = 4 the shape and constants here are fitted from
/// simulation (DESIGN.md, "Bounds") and checked by the million-request test on every run.
/// </summary>
public static class StashTailModel
{
    public const double Scale = 0.05;
    public const double Ratio = 0.5;

    /// <summary>Modelled P(stash size >= <paramref name="size"/>) after one access.</summary>
    public static double TailBound(int size) => Scale * Math.Pow(Ratio, size);

    /// <summary>Modelled probability per access that the stash exceeds <paramref name="stashBound"/>.</summary>
    public static double OverflowProbability(int stashBound) => TailBound(stashBound + 1);
}
