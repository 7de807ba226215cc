using Accel.Hw;

namespace PortedKernels;

/// <summary>A custom-datatype image conversion in the style of the vendor's RGB-to-HSV example: packed RGB
/// pixels in, hue, saturation and value out, with the divides the original uses. Pixels are packed into a uint
/// (r | g << 8 | b << 16), as Vitis packs a three-byte struct into one word.</summary>
[Kernel("rgb_to_hsv")]
public sealed class ImageConvert([Range(1, 1 << 20)] int pixels = 300, [Range(0, 255)] int minValue = 1)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] uint[] rgb, [MAxi("gmem1", "HBM[1]")] uint[] hsv)
    {
        for (int p = 0; p < pixels; p++)
        {
            Hls.Pipeline(1);
            uint pixel = rgb[p];
            int r = (int)(pixel & 0xFF), g = (int)((pixel >> 8) & 0xFF), b = (int)((pixel >> 16) & 0xFF);
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
            hsv[p] = (uint)(h & 0xFF) | (uint)s << 8 | (uint)v << 16;
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus st)
    {
        var rgb = new uint[pixels];
        for (int i = 0; i < pixels; i++) rgb[i] = i % 11 == 0 ? (uint)(i * 0x010101 & 0xFFFFFF) : (uint)st.Random.Next(0, 1 << 24);
        st.Array("rgb", rgb).Output<uint>("hsv", pixels);
    }
}
