namespace Accel.Hw;

/// <summary>Seeded input generators that kernels' [Stimulus] methods and the accuracy workloads share.</summary>
public static class Stimuli
{
    /// <summary>A standard normal sample (Box-Muller), deterministic for a seeded <see cref="Random"/>.</summary>
    public static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Normal values with the given spread, quantised to a signed fixed-point format.</summary>
    public static int[] GaussianFixed(Random random, int count, double stdDev, int fracBits, int bits = 32)
    {
        var values = new int[count];
        for (int i = 0; i < count; i++)
            values[i] = (int)Fx.FromDouble(Gaussian(random) * stdDev, fracBits, bits);
        return values;
    }

    /// <summary>Uniform values in [lo, hi], quantised to a signed fixed-point format.</summary>
    public static int[] UniformFixed(Random random, int count, double lo, double hi, int fracBits, int bits = 32)
    {
        var values = new int[count];
        for (int i = 0; i < count; i++)
            values[i] = (int)Fx.FromDouble(lo + (hi - lo) * random.NextDouble(), fracBits, bits);
        return values;
    }
}
