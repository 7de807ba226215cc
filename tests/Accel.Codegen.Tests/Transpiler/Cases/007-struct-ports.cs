using Accel.Hw;

namespace Cases;

public struct Complex
{
    public int Re;
    public int Im;
}

// m_axi ports of structs: each an aggregated port of 8-byte elements, read whole into a local (x), read field by field
// (b[i].Re) and written whole (product[i] = new Complex { ... }).
[Kernel("case_kernel")]
public sealed class CaseKernel(int n = 16)
{
    [Top]
    public void Run([MAxi("gmem0")] Complex[] a, [MAxi("gmem1")] Complex[] b, [MAxi("gmem2")] Complex[] product)
    {
        for (int i = 0; i < n; i++)
        {
            Hls.Pipeline(1);
            Complex x = a[i];
            product[i] = new Complex { Re = x.Re * b[i].Re - x.Im * b[i].Im, Im = x.Re * b[i].Im + x.Im * b[i].Re };
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var a = new Complex[n];
        var b = new Complex[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = new Complex { Re = s.Random.Next(-1000, 1000), Im = s.Random.Next(-1000, 1000) };
            b[i] = new Complex { Re = s.Random.Next(-1000, 1000), Im = s.Random.Next(-1000, 1000) };
        }
        s.Array("a", a).Array("b", b).Output<Complex>("product", n);
    }
}
