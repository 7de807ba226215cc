using Accel.Hw;

namespace Accel.Kernels;

/// <summary>Generation-time table of the GELU correction d(t) = t Phi(-t).</summary>
public static class GeluTables
{
    public static short[] Correction(int entries, int stepBits, int fracBits)
    {
        var table = new short[entries];
        for (int i = 0; i < entries; i++)
        {
            double t = (double)i / (1 << stepBits);
            table[i] = (short)Fx.FromDouble(t * NormalDistribution.Cdf(-t), fracBits, 16);
        }
        return table;
    }
}
