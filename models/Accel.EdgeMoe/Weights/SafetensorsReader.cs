using System.Buffers.Binary;
using System.Text.Json;

namespace Accel.EdgeMoe.Weights;

/// <summary>Reads a safetensors file: an 8-byte little-endian header length, a JSON header mapping each tensor
/// name to {dtype, shape, data_offsets} (offsets relative to the data that follows the header), then the raw
/// little-endian data. Supports F64, F32, F16 and BF16. Every inconsistency is an error naming the file.</summary>
public static class SafetensorsReader
{
    public static IReadOnlyDictionary<string, Tensor> Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (IOException e) { throw new SafetensorsException($"{path}: cannot read: {e.Message}"); }
        catch (UnauthorizedAccessException e) { throw new SafetensorsException($"{path}: cannot read: {e.Message}"); }

        if (bytes.Length < 8)
            throw new SafetensorsException($"{path}: truncated: {bytes.Length} bytes, shorter than the 8-byte header length");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
            throw new SafetensorsException($"{path}: header length {headerLength} runs past the end of the file ({bytes.Length} bytes): truncated or not a safetensors file");
        int dataStart = 8 + (int)headerLength;

        JsonDocument header;
        try { header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength)); }
        catch (JsonException e) { throw new SafetensorsException($"{path}: the header is not valid JSON: {e.Message}"); }
        using (header)
        {
            if (header.RootElement.ValueKind != JsonValueKind.Object)
                throw new SafetensorsException($"{path}: the header must be a JSON object of tensor name -> {{dtype, shape, data_offsets}}");
            var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var entry in header.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__") continue;
                tensors[entry.Name] = ReadTensor(path, entry, bytes, dataStart);
            }
            return tensors;
        }
    }

    private static Tensor ReadTensor(string path, JsonProperty entry, byte[] bytes, int dataStart)
    {
        string where = $"{path}: tensor '{entry.Name}'";
        try
        {
            var info = entry.Value;
            string dtype = info.GetProperty("dtype").GetString() ?? "";
            int[] shape = info.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            long[] offsets = info.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            int size = dtype switch
            {
                "F64" => 8, "F32" => 4, "F16" or "BF16" => 2,
                _ => throw new SafetensorsException($"{where}: dtype '{dtype}' is not supported (F64, F32, F16, BF16)"),
            };
            if (shape.Any(d => d < 0)) throw new SafetensorsException($"{where}: negative dimension in shape {Tensor.FormatShape(shape)}");
            long count = shape.Aggregate(1L, (a, d) => a * d);
            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0])
                throw new SafetensorsException($"{where}: data_offsets must be [begin, end] with 0 <= begin <= end");
            if (offsets[1] - offsets[0] != count * size)
                throw new SafetensorsException($"{where}: data_offsets span {offsets[1] - offsets[0]} bytes, but shape {Tensor.FormatShape(shape)} of {dtype} needs {count * size}");
            if (dataStart + offsets[1] > bytes.Length)
                throw new SafetensorsException($"{where}: data ends at byte {dataStart + offsets[1]}, past the end of the file ({bytes.Length} bytes): truncated");
            var data = bytes.AsSpan(dataStart + (int)offsets[0], (int)(count * size));
            var values = new double[count];
            for (int i = 0; i < count; i++)
                values[i] = Decode(dtype, data.Slice(i * size, size));
            return new Tensor(entry.Name, shape, values);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new SafetensorsException($"{where}: needs \"dtype\" (string), \"shape\" and \"data_offsets\" (integer arrays): {e.Message}");
        }
    }

    private static double Decode(string dtype, ReadOnlySpan<byte> b) => dtype switch
    {
        "F64" => BinaryPrimitives.ReadDoubleLittleEndian(b),
        "F32" => BinaryPrimitives.ReadSingleLittleEndian(b),
        "F16" => (double)BinaryPrimitives.ReadHalfLittleEndian(b),
        _ => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(b) << 16),   // BF16: the top half of an F32
    };
}
