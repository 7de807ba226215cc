using System.Globalization;
using System.Runtime.InteropServices;
using Accel.Codegen.Ir;
using Accel.Hw;
using Accel.Codegen.Ir.Analysis;

namespace Accel.Codegen.Backends.Hls;

/// <summary>golden/: every array argument before the call (&lt;name&gt;.in.bin), every written one after it
/// (&lt;name&gt;.out.bin), little-endian raw elements, and the scalar arguments in scalars.txt. An input axis stream's
/// words are its .in.bin, an output one's its .out.bin. An ap port's elements are their containers, as on the board
/// (row-major, <see cref="Reference.BoardLayout"/>); an ap scalar is its raw bits, as the stimulus gives it.</summary>
public static class GoldenVectors
{
    /// <summary>The files of golden/, by their path in the generated folder.</summary>
    public static Dictionary<string, byte[]> Files(IrKernel kernel, Stimulus stimulus, IReadOnlyDictionary<string, Array> reference)
    {
        var top = kernel.Top;
        var use = VariableUse.Of(kernel);
        var files = new Dictionary<string, byte[]>();
        foreach (var p in top.Parameters)
        {
            if (p.Kind == VariableKind.Scalar) continue;
            bool output = p.Type is StreamType ? use.WritesStream(p) : use.IsWritten(p);
            if (p.Type is not StreamType || !output) files[$"golden/{p.Name}.in.bin"] = Bytes(stimulus.Arrays[p.Name]);
            if (output) files[$"golden/{p.Name}.out.bin"] = Bytes(reference[p.Name]);
        }
        var scalars = top.Parameters.Where(p => p.Kind == VariableKind.Scalar)
            .Select(p => $"{p.Name} {stimulus.Scalars[p.Name].ToString(CultureInfo.InvariantCulture)}\n");
        files["golden/scalars.txt"] = System.Text.Encoding.UTF8.GetBytes(string.Concat(scalars));
        return files;
    }

    public static byte[] Bytes(Array array)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("golden vectors are little-endian");
        return Reference.BoardLayout.Of(array) switch
        {
            int[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
            uint[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
            long[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
            ulong[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
            short[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
            ushort[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
            byte[] a => a.ToArray(),
            sbyte[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
            float[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
            double[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
            bool[] a => a.Select(b => b ? (byte)1 : (byte)0).ToArray(),
            _ => throw new InternalCompilerException($"no golden encoding for {array.GetType().Name}"),
        };
    }
}
