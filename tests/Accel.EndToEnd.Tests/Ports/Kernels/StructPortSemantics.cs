using Accel.Hw;

namespace PortedKernels;

/// <summary>Four bytes: R at 0, G at 1, B at 2 (2-aligned), sizeof 4.</summary>
public struct WidePixel
{
    public byte R;
    public sbyte G;
    public ushort B;
}

/// <summary>C#'s semantics on a port of structs: an element copied into a local struct array, fields updated in
/// place (++ and += on a byte that wraps, an sbyte that wraps), an element passed by value to a function, fields of
/// two elements read in turn, elements
/// written back whole in reverse order, and a field computed from fields of other elements outside any loop.</summary>
[Kernel("struct_port_semantics")]
public sealed class StructPortSemantics([Range(5, 16)] int n = 12)
{
    [Top]
    public void Run([MAxi("gmem0")] WidePixel[] image, [MAxi("gmem1")] int[] sums)
    {
        WidePixel[] local = new WidePixel[16];
        for (int i = 0; i < n; i++)
        {
            local[i] = image[i];
            image[i].R++;
            image[i].G += 3;
            sums[i] = Sum(image[i]) + image[n - 1 - i].B + image[i].B;
        }
        for (int i = 0; i < n; i++)
            image[i] = local[n - 1 - i];
        image[0].B = (ushort)(image[1].B + image[2].R);
    }

    private int Sum(WidePixel p) => p.R + p.G + p.B;

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var image = new WidePixel[n];
        for (int i = 0; i < n; i++) image[i] = new WidePixel { R = (byte)s.Random.Next(256), G = (sbyte)s.Random.Next(-128, 128), B = (ushort)s.Random.Next(65536) };
        image[3].R = 255; image[4].G = 127;
        s.Array("image", image).Output<int>("sums", n);
    }
}
