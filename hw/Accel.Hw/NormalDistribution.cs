namespace Accel.Hw;

/// <summary>The normal CDF to double precision, for generation-time tables and float references (.NET has no
/// erf). erf uses the all-positive series erf(x) = 2/sqrt(pi) e^(-x^2) sum 2^n x^(2n+1) / (2n+1)!!, which has
/// no cancellation; past |x| = 6 erf is 1 to double precision.</summary>
public static class NormalDistribution
{
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double a = Math.Abs(x);
        if (a >= 6) return Math.Sign(x);
        double term = a, sum = a, x2 = a * a;
        for (int n = 1; term > 1e-17 * sum; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
        }
        double erf = 2 / Math.Sqrt(Math.PI) * Math.Exp(-x2) * sum;
        return x < 0 ? -erf : erf;
    }

    /// <summary>Phi(x) = (1 + erf(x / sqrt 2)) / 2.</summary>
    public static double Cdf(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2)));

    /// <summary>Exact GELU: x Phi(x).</summary>
    public static double Gelu(double x) => x * Cdf(x);
}
