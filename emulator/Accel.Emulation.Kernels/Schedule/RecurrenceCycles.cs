using Accel.Codegen.Ir;

namespace Accel.Emulation.Kernels.Schedule;

/// <summary>Recurrences that close through several variables (a, b = b, a + x): the value of one at the end of an
/// iteration depends on another's at its start, and the chain comes back to the first after k iterations. Its
/// operators then have k initiation intervals to run in, so II >= ceil(latency / k) (Vitis's recurrence bound).
/// A chain through one variable is the plain carried dependence, bounded where it is found.</summary>
internal static class RecurrenceCycles
{
    /// <summary>Chains of more variables than this are not looked for (each step costs n^3).</summary>
    public const int MaxLength = 8;
    private const int MaxVariables = 64;

    public sealed record Cycle(IReadOnlyList<Variable> Variables, double Latency, int II);

    /// <param name="edge">how variable `to`'s end value depends on variable `from`'s start value</param>
    /// <returns>the cycle of two or more variables whose bound is highest and above 1, or null</returns>
    public static Cycle? Worst(IReadOnlyList<Variable> variables, Func<int, int, Dep> edge)
    {
        int n = variables.Count;
        if (n < 2 || n > MaxVariables) return null;
        var latency = new double[n, n];
        for (int from = 0; from < n; from++)
            for (int to = 0; to < n; to++)
                latency[from, to] = from == to ? double.NegativeInfinity : edge(from, to) is { Depends: true } d ? d.Latency : double.NegativeInfinity;

        // longest[k][s, v]: the longest chain of k edges from s to v; via[k][s, v]: the variable before v on it
        var longest = new double[n, n];
        var via = new List<int[,]>();
        for (int s = 0; s < n; s++) for (int v = 0; v < n; v++) longest[s, v] = latency[s, v];
        via.Add(Seed(n));
        Cycle? worst = null;
        for (int k = 2; k <= Math.Min(MaxLength, n); k++)
        {
            var next = new double[n, n];
            var before = new int[n, n];
            for (int s = 0; s < n; s++)
                for (int v = 0; v < n; v++)
                {
                    next[s, v] = double.NegativeInfinity;
                    for (int w = 0; w < n; w++)
                        if (longest[s, w] + latency[w, v] > next[s, v]) (next[s, v], before[s, v]) = (longest[s, w] + latency[w, v], w);
                }
            longest = next;
            via.Add(before);
            for (int s = 0; s < n; s++)
            {
                if (double.IsNegativeInfinity(longest[s, s])) continue;
                int ii = Math.Max(1, (int)Math.Ceiling(longest[s, s] / k - 1e-9));
                if (ii > 1 && (worst is null || ii > worst.II)) worst = new Cycle(Path(variables, via, s, k), longest[s, s], ii);
            }
        }
        return worst;
    }

    private static int[,] Seed(int n)
    {
        var seed = new int[n, n];
        for (int s = 0; s < n; s++) for (int v = 0; v < n; v++) seed[s, v] = s;
        return seed;
    }

    /// <summary>The k variables of the chain from s back to s, starting at s.</summary>
    private static List<Variable> Path(IReadOnlyList<Variable> variables, List<int[,]> via, int s, int k)
    {
        var order = new List<int>();
        int at = s;
        for (int step = k; step >= 1; step--)
        {
            at = via[step - 1][s, at];
            order.Add(at);
        }
        order.Reverse();
        return order.Select(i => variables[i]).ToList();
    }
}
