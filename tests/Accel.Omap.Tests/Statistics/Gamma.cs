namespace Accel.Omap.Tests.Statistics;

/// <summary>Log-gamma and the regularized incomplete gamma functions, enough for chi-square p-values.</summary>
internal static class Gamma
{
    /// <summary>
    /// ln Gamma(x) for x > 0: shift x up to at least 15 with Gamma(x) = Gamma(x + k) / (x (x+1) ... (x+k-1)),
    /// then Stirling's series to the 1/x^9 term; the first term left out is below 3e-16 there.
    /// </summary>
    public static double LogGamma(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x);
        double shift = 0;
        while (x < 15)
        {
            shift += Math.Log(x);
            x += 1;
        }
        double inverse = 1 / x, inverseSquared = inverse * inverse;
        double series = inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared * (1.0 / 1260
            - inverseSquared * (1.0 / 1680 - inverseSquared / 1188))));
        return (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI) + series - shift;
    }

    /// <summary>Q(a, x) = Gamma(a, x) / Gamma(a), the upper regularized incomplete gamma function.</summary>
    public static double UpperRegularized(double a, double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        if (x == 0) return 1;
        // The power series converges fast below a + 1, the continued fraction above it.
        return x < a + 1 ? 1 - LowerBySeries(a, x) : UpperByContinuedFraction(a, x);
    }

    // P(a, x) = x^a e^-x / Gamma(a + 1) * sum_n x^n / ((a+1)(a+2)...(a+n)).
    private static double LowerBySeries(double a, double x)
    {
        double term = 1, sum = 1;
        for (int n = 1; n < 100_000; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return Math.Exp(a * Math.Log(x) - x - LogGamma(a + 1)) * sum;
    }

    // Q(a, x) = x^a e^-x / Gamma(a) * 1 / (x + 1 - a - 1(1 - a) / (x + 3 - a - 2(2 - a) / (x + 5 - a - ...))),
    // evaluated front to back by the modified Lentz method.
    private static double UpperByContinuedFraction(double a, double x)
    {
        const double tiny = 1e-300;
        double b = x + 1 - a, c = 1 / tiny, d = 1 / b, fraction = d;
        for (int i = 1; i < 100_000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < tiny) d = tiny;
            c = b + an / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            fraction *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(a * Math.Log(x) - x - LogGamma(a)) * fraction;
    }
}
