using System.Globalization;
using System.Runtime.InteropServices;
using Accel.Codegen.Ir;
using Accel.Hw;

namespace Accel.Codegen.Backends.Hls;

/// <summary>golden/: every array argument before the call (&lt;name&gt;.in.bin), every written one after it
/// (&lt;name&gt;.out.bin), little-endian raw elements, and the scalar arguments in scalars.txt.</summary>
public static class GoldenVectors
{
    public static void Write(string directory, IrFunction top, Stimulus stimulus, IReadOnlyDictionary<string, Array> reference)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        foreach (var p in top.Parameters)
        {
            if (p.Type is not PortType) continue;
            File.WriteAllBytes(Path.Combine(directory, $"{p.Name}.in.bin"), Bytes(stimulus.Arrays[p.Name]));
            if (p.IsWritten) File.WriteAllBytes(Path.Combine(directory, $"{p.Name}.out.bin"), Bytes(reference[p.Name]));
        }
        var scalars = top.Parameters.Where(p => p.Kind == VariableKind.Scalar)
            .Select(p => $"{p.Name} {stimulus.Scalars[p.Name].ToString(CultureInfo.InvariantCulture)}\n");
        File.WriteAllText(Path.Combine(directory, "scalars.txt"), string.Concat(scalars));
    }

    public static byte[] Bytes(Array array)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("golden vectors are little-endian");
        return array switch
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
