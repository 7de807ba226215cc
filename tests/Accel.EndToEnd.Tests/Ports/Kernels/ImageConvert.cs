using Accel.Hw;

namespace PortedKernels;

/// <summary>An RGB pixel as the vendor's example declares it: three bytes, which Vitis aggregates on the m_axi port
/// and pads to a 32-bit word.</summary>
public struct RgbPixel
{
    public byte R;
    public byte G;
    public byte B;
}

/// <summary>An HSV pixel, the same shape.</summary>
public struct HsvPixel
{
    public byte H;
    public byte S;
    public byte V;
}

/// <summary>A custom-datatype image conversion in the style of the vendor's RGB-to-HSV example: ports of pixel
/// structs in and out (`rgb_pixel *in, hsv_pixel *out`), the divides the original uses. A pixel is copied whole
/// into a local, and written back whole.</summary>
[Kernel("rgb_to_hsv")]
public sealed class ImageConvert([Range(1, 1 << 20)] int pixels = 300, [Range(0, 255)] int minValue = 1)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] RgbPixel[] rgb, [MAxi("gmem1", "HBM[1]")] HsvPixel[] hsv)
    {
        for (int p = 0; p < pixels; p++)
        {
            Hls.Pipeline(1);
            RgbPixel pixel = rgb[p];
            int r = pixel.R, g = pixel.G, b = pixel.B;
            int max = Math.Max(r, Math.Max(g, b));
            int min = Math.Min(r, Math.Min(g, b));
            int delta = max - min;
            int v = Math.Max(max, minValue);
            int s = 255 * delta / v;
            int h = 0;
            if (delta != 0)
            {
                if (max == r) h = 43 * (g - b) / delta;
                else if (max == g) h = 85 + 43 * (b - r) / delta;
                else h = 171 + 43 * (r - g) / delta;
            }
            hsv[p] = new HsvPixel { H = (byte)h, S = (byte)s, V = (byte)v };
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus st)
    {
        var rgb = new RgbPixel[pixels];
        for (int i = 0; i < pixels; i++)
        {
            int packed = i % 11 == 0 ? i * 0x010101 & 0xFFFFFF : st.Random.Next(0, 1 << 24);
            rgb[i] = new RgbPixel { R = (byte)packed, G = (byte)(packed >> 8), B = (byte)(packed >> 16) };
        }
        st.Array("rgb", rgb).Output<HsvPixel>("hsv", pixels);
    }
}
