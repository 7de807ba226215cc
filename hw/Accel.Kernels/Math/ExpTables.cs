using Accel.Hw;

namespace Accel.Kernels;

/// <summary>Generation-time tables for the fixed-point exponential.</summary>
public static class ExpTables
{
    /// <summary>2^(-i / 2^indexBits) for i = 0 .. 2^indexBits (one extra entry for interpolation), with
    /// <paramref name="fracBits"/> fraction bits.</summary>
    public static int[] NegativePowerOfTwo(int indexBits, int fracBits)
    {
        int entries = (1 << indexBits) + 1;
        var table = new int[entries];
        for (int i = 0; i < entries; i++)
            table[i] = (int)Fx.FromDouble(Math.Pow(2, -(double)i / (1 << indexBits)), fracBits, 32);
        return table;
    }
}
