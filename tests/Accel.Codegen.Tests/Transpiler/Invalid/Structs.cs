using Accel.Hw;

// Structs outside the subset: members other than public scalar fields, nesting, and structs where only scalars may
// stand.

public struct Window
{
    public int[] Taps; //! ACCEL0045
    public int Count;
}

[Kernel("struct_array_field")]
public sealed class StructArrayField(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        Window w = default;
        w.Count = n;
        for (int i = 0; i < w.Count; i++)
            y[i] = x[i];
    }
}

public struct Complex
{
    public int Re;
    public int Im;

    public Complex(int re, int im) //! ACCEL0045
    {
        Re = re;
        Im = im;
    }
}

[Kernel("struct_constructor")]
public sealed class StructConstructor(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        for (int i = 0; i < n; i++)
        {
            var c = new Complex(x[i], -x[i]);
            y[i] = c.Re - c.Im;
        }
    }
}

public struct Pixel
{
    public int R;
    public int G;

    public int Sum() => R + G; //! ACCEL0045
}

[Kernel("struct_method")]
public sealed class StructMethod(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        for (int i = 0; i < n; i++)
        {
            Pixel p = default;
            p.R = x[i];
            p.G = x[i] + 1;
            y[i] = p.Sum() + p.R;
        }
    }
}

public struct Rgb
{
    public byte R, G, B;
}

public struct NestedPixel
{
    public Rgb Color; //! ACCEL0045
    public byte Alpha;
}

[Kernel("struct_nested")]
public sealed class StructNested(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        for (int i = 0; i < n; i++)
        {
            NestedPixel p = default;
            p.Color.R = (byte)x[i];
            p.Alpha = 255;
            y[i] = p.Color.R + p.Alpha;
        }
    }
}

// An m_axi port of structs is in the subset (Vitis aggregates it); an ap_memory one is not.
public struct PortPixel
{
    public byte R;
    public byte G;
}

[Kernel("struct_ap_memory_port")]
public sealed class StructApMemoryPort(int n = 4)
{
    [Top]
    public void Run(
        [ApMemory] PortPixel[] image, //! ACCEL0045
        [MAxi("gmem1")] int[] gray)
    {
        for (int i = 0; i < n; i++)
            gray[i] = image[i].R + image[i].G;
    }
}

// A port of structs stays in the top function.
[Kernel("struct_port_argument")]
public sealed class StructPortArgument(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] PortPixel[] image, [MAxi("gmem1")] int[] gray)
    {
        Gray(image, gray); //! ACCEL0045
    }

    private void Gray(PortPixel[] image, int[] gray)
    {
        for (int i = 0; i < n; i++)
            gray[i] = image[i].R + image[i].G;
    }
}

// A struct scalar argument of the top function.
public struct Gain
{
    public int Scale;
    public int Shift;
}

[Kernel("struct_top_scalar")]
public sealed class StructTopScalar(int n = 4)
{
    [Top]
    public void Run(
        Gain gain, //! ACCEL0045
        [MAxi("gmem1")] int[] data)
    {
        for (int i = 0; i < n; i++)
            data[i] = data[i] * 3;
    }
}

public struct PropertyPixel
{
    public int R;
    public int G { get; set; } //! ACCEL0045
}

[Kernel("struct_property")]
public sealed class StructProperty(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        PropertyPixel[] buf = new PropertyPixel[8];
        for (int i = 0; i < n; i++)
        {
            buf[i & 7].R = x[i];
            buf[i & 7].G = x[i];
            y[i] = buf[i & 7].R + buf[i & 7].G;
        }
    }
}

public struct ReturnComplex
{
    public int Re;
    public int Im;
}

[Kernel("struct_return")]
public sealed class StructReturn(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        for (int i = 0; i < n; i++)
        {
            ReturnComplex c = Conjugate(x[i], x[i] + 1); //! ACCEL0045
            y[i] = c.Re + c.Im;
        }
    }

    private static ReturnComplex Conjugate(int re, int im) => new ReturnComplex { Re = re, Im = -im };
}

public struct Sample
{
    public int Value;
    public bool Last;
}

[Kernel("struct_stream")]
public sealed class StructStream(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        var s = new Stream<Sample>(4); //! ACCEL0045
        for (int i = 0; i < n; i++)
            y[i] = x[i];
    }
}
