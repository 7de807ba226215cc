namespace Accel.Omap.Bolt;

/// <summary>
/// Mean-field (fluid-limit) model of two-choice bins in steady state: each access removes an item and re-places it
/// in the less loaded of two uniform bins. s[i], the fraction of bins with load at least i, settles where
///   s[i-1]^2 - s[i]^2 = i (s[i] - s[i+1]) / c
/// (bins rising to i by placements balance bins falling from i by removals). The tail falls doubly exponentially
/// past c; DESIGN.md turns it into the probability that a placement finds both candidates full.
/// </summary>
public static class BinLoadModel
{
    /// <summary>s[0..levels]: steady-state fraction of bins with load at least i, for mean load <paramref name="itemsPerBin"/>.</summary>
    public static double[] SteadyStateTail(int itemsPerBin, int levels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemsPerBin);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, itemsPerBin + 1);
        // Integrate the flow equations from "every bin holds exactly c" until nothing moves; Euler's fixed
        // point is the equations' fixed point, so the step size only sets the speed.
        int top = levels + 4;
        var s = new double[top + 1];
        var next = new double[top + 1];
        for (int i = 0; i <= itemsPerBin; i++) s[i] = 1;
        const double step = 0.02;
        for (int iteration = 0; iteration < 2_000_000; iteration++)
        {
            double change = 0;
            next[0] = 1;
            for (int i = 1; i < top; i++)
            {
                double rate = s[i - 1] * s[i - 1] - s[i] * s[i] - i * (s[i] - s[i + 1]) / itemsPerBin;
                next[i] = Math.Max(0, s[i] + step * rate);
                if (s[i] > 0) change = Math.Max(change, Math.Abs(next[i] - s[i]) / s[i]);
            }
            (s, next) = (next, s);
            if (change < 1e-13) break;
        }
        return s[..(levels + 1)];
    }

    /// <summary>
    /// Per-access probability that re-placing an item finds both candidate bins already holding
    /// <paramref name="slotsPerPage"/> items (so the access is refused): s[L]^2.
    /// </summary>
    public static double RefusalProbability(int itemsPerBin, int slotsPerPage)
    {
        if (slotsPerPage <= itemsPerBin) return 1;
        double full = SteadyStateTail(itemsPerBin, slotsPerPage)[slotsPerPage];
        return full * full;
    }
}
