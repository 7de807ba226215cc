using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Accel.EdgeMoe.Weights;

/// <summary>Writes tensors as a safetensors file in one dtype (F64, F32, F16 or BF16; BF16 keeps the top half of
/// the F32 bits, truncating). The header is padded with spaces to a multiple of 8 bytes, as the format allows.</summary>
public static class SafetensorsWriter
{
    public static void Write(string path, IEnumerable<Tensor> tensors, string dtype = "F32")
    {
        int size = dtype switch { "F64" => 8, "F32" => 4, "F16" or "BF16" => 2, _ => throw new ArgumentException($"unsupported dtype '{dtype}'", nameof(dtype)) };
        var list = tensors.ToList();
        var header = new Dictionary<string, object>();
        long offset = 0;
        foreach (var t in list)
        {
            long length = (long)t.Values.Length * size;
            header[t.Name] = new { dtype, shape = t.Shape, data_offsets = new[] { offset, offset + length } };
            offset += length;
        }
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        int padded = (json.Length + 7) / 8 * 8;
        using var file = File.Create(path);
        Span<byte> word = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(word, (ulong)padded);
        file.Write(word);
        file.Write(json);
        for (int i = json.Length; i < padded; i++) file.WriteByte((byte)' ');
        foreach (var t in list)
            foreach (var v in t.Values)
            {
                Encode(dtype, v, word);
                file.Write(word[..size]);
            }
    }

    private static void Encode(string dtype, double v, Span<byte> b)
    {
        switch (dtype)
        {
            case "F64": BinaryPrimitives.WriteDoubleLittleEndian(b, v); break;
            case "F32": BinaryPrimitives.WriteSingleLittleEndian(b, (float)v); break;
            case "F16": BinaryPrimitives.WriteHalfLittleEndian(b, (Half)v); break;
            default: BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)(BitConverter.SingleToInt32Bits((float)v) >>> 16)); break;
        }
    }
}
