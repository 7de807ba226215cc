using Accel.Hw;

namespace PortedKernels;

/// <summary>Three fields at their C offsets 0, 4 and 8: sizeof 12, a 16-byte element on the port.</summary>
public struct Sample
{
    public byte Tag;
    public int Value;
    public short Q;
}

/// <summary>A bool at 0 and a float at 4: an 8-byte element.</summary>
public struct Flagged
{
    public bool Valid;
    public float Level;
}

/// <summary>Ports of structs in every way the subset allows: fields read one at a time next to another port of the
/// same bundle, fields written one at a time, and an element read whole and written back whole from its own fields
/// crossed over (Q takes Tag), which goes through temporaries as C# builds the new value first.</summary>
[Kernel("struct_ports")]
public sealed class StructPorts([Range(1, 4096)] int n = 24)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] Sample[] samples, [MAxi("gmem0", "HBM[0]")] int[] offsets,
        [MAxi("gmem1", "HBM[1]")] Flagged[] flags, [MAxi("gmem2", "HBM[2]")] Sample[] io)
    {
        for (int i = 0; i < n; i++)
        {
            Hls.Pipeline(1);
            int value = samples[i].Value + offsets[i];
            flags[i].Valid = samples[i].Tag > 127;
            flags[i].Level = samples[i].Q * 0.5f;
            io[i] = new Sample { Tag = (byte)(io[i].Tag + 1), Value = io[i].Value ^ value, Q = io[i].Tag };
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus st)
    {
        var samples = new Sample[n];
        var io = new Sample[n];
        var offsets = new int[n];
        for (int i = 0; i < n; i++)
        {
            samples[i] = new Sample { Tag = (byte)st.Random.Next(256), Value = st.Random.Next(int.MinValue, int.MaxValue), Q = (short)st.Random.Next(short.MinValue, short.MaxValue) };
            io[i] = new Sample { Tag = (byte)(i == 0 ? 255 : st.Random.Next(256)), Value = st.Random.Next(), Q = (short)i };
            offsets[i] = st.Random.Next(int.MinValue, int.MaxValue);
        }
        st.Array("samples", samples).Array("offsets", offsets).Output<Flagged>("flags", n).Array("io", io);
    }
}
