using Accel.Hw;

namespace PortedKernels;

/// <summary>A pixel of mixed field types: narrow unsigned, signed, bool and float fields.</summary>
public struct RgbPixel
{
    public byte R;
    public byte G;
    public byte B;
    public sbyte Bias;
    public bool Valid;
    public float Gain;
}

/// <summary>C#'s value semantics of structs, each visible in an output word: copies are independent, a struct
/// argument is a copy (the callee's writes do not reach the caller), a struct array argument is shared (they
/// do), new arrays and default start at zero, narrow fields wrap as C# stores them, a 2-D struct array, compound
/// assignment and ++ on an array element's field, and a swap through a temporary struct.</summary>
[Kernel("struct_semantics")]
public sealed class StructSemantics([Range(1, 32)] int n = 32)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] int[] x, [MAxi("gmem1", "HBM[1]")] int[] y)
    {
        RgbPixel[] line = new RgbPixel[32];
        RgbPixel[,] tile = new RgbPixel[4, 8];
        RgbPixel[] scratch = new RgbPixel[64];
        for (int i = 0; i < n; i++)
        {
            RgbPixel p = new RgbPixel { R = (byte)x[i], G = (byte)(x[i] >> 8), B = (byte)(x[i] >> 16), Bias = (sbyte)(x[i] >> 24), Valid = (x[i] & 1) != 0, Gain = 0.5f };
            RgbPixel q = p;
            q.R += 200; // wraps at 8 bits; p is untouched
            line[i] = q;
            line[i].G++;
            line[i].Gain *= 3.0f;
            tile[i & 3, i >> 2 & 7] = p;
            int kept = Brighten(p, line, i); // p is copied in; line is shared
            RgbPixel a = line[i], b = p;
            RgbPixel t = a;
            a = b;
            b = t;
            y[4 * i] = p.R | p.G << 8 | p.B << 16 | p.Bias << 24;
            y[4 * i + 1] = line[i].R | line[i].G << 8 | line[i].B << 16 | (line[i].Valid ? 1 << 24 : 0);
            y[4 * i + 2] = kept + (int)(line[i].Gain * 16.0f) + a.R - b.R;
            y[4 * i + 3] = tile[(i + 1) & 3, (i + 1) >> 2 & 7].R + (tile[i & 3, i >> 2 & 7].Valid ? 1000 : 0);
            // The element's index reads a field the assignment writes: C# fixes the index first.
            scratch[i].R = (byte)i;
            scratch[scratch[i].R] = new RgbPixel { R = (byte)(i + 32), G = (byte)(i + 1) };
            y[4 * i + 3] += scratch[i].G + scratch[i + 32].G * 256;
        }
    }

    private static int Brighten(RgbPixel p, RgbPixel[] row, int i)
    {
        p.R = (byte)(p.R + 1); // the caller's p keeps its R
        row[i].B = (byte)(row[i].B + p.R); // the caller's array sees this
        row[i].Valid = !row[i].Valid;
        return p.R;
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var x = new int[n];
        for (int i = 0; i < n; i++) x[i] = s.Random.Next(int.MinValue, int.MaxValue);
        s.Array("x", x).Output<int>("y", 4 * n);
    }
}
