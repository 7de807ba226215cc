using System.Buffers.Binary;
using System.Text;

namespace Accel.EdgeMoe.Tests.Weights;

/// <summary>Safetensors files written here by the tests: values survive in each dtype, and a missing or
/// mis-shaped tensor or a damaged file is an error naming the file, the tensor and what was expected.</summary>
public sealed class SafetensorsTests
{
    private static readonly Tensor Matrix = new("layer.weight", [2, 3], [0.5, -1.25, 3, 1e-3, -2.5e-2, 7]);
    private static readonly Tensor Vector = new("layer.bias", [3], [1, 2, -0.75]);

    private static string Write(string dtype, params Tensor[] tensors)
    {
        var path = Path.Combine(TestPaths.Scratch("safetensors"), $"model-{dtype}.safetensors");
        SafetensorsWriter.Write(path, tensors, dtype);
        return path;
    }

    [Theory]
    [InlineData("F64", 0.0)]
    [InlineData("F32", 1e-7)]
    [InlineData("F16", 1e-3)]
    [InlineData("BF16", 8e-3)]
    public void ValuesAndShapesSurviveAWriteAndRead(string dtype, double relativeTolerance)
    {
        var tensors = SafetensorsReader.Read(Write(dtype, Matrix, Vector));
        Assert.Equal([2, 3], tensors["layer.weight"].Shape);
        foreach (var original in new[] { Matrix, Vector })
            for (int i = 0; i < original.Values.Length; i++)
                Assert.True(Math.Abs(tensors[original.Name].Values[i] - original.Values[i]) <= relativeTolerance * Math.Abs(original.Values[i]),
                    $"{dtype} {original.Name}[{i}]: {tensors[original.Name].Values[i]} vs {original.Values[i]}");
    }

    [Fact]
    public void AMissingTensorNamesItselfItsShapeAndTheFile()
    {
        var path = Write("F32", Matrix);
        var error = Assert.Throws<SafetensorsException>(() => WeightSet.Load(path).Get("layer.bias", 3));
        Assert.Equal($"{path}: tensor 'layer.bias' is missing (expected shape [3])", error.Message);
    }

    [Fact]
    public void AMisShapedTensorNamesBothShapesAndTheFile()
    {
        var path = Write("F32", Matrix);
        var error = Assert.Throws<SafetensorsException>(() => WeightSet.Load(path).Get("layer.weight", 3, 2));
        Assert.Equal($"{path}: tensor 'layer.weight' has shape [2, 3], expected [3, 2]", error.Message);
    }

    [Fact]
    public void AFileCutShortIsReportedAsTruncated()
    {
        var path = Write("F32", Matrix, Vector);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^4]);
        var error = Assert.Throws<SafetensorsException>(() => SafetensorsReader.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("tensor 'layer.bias'", error.Message);
        Assert.Contains("truncated", error.Message);

        File.WriteAllBytes(path, bytes[..5]);
        Assert.Contains("truncated", Assert.Throws<SafetensorsException>(() => SafetensorsReader.Read(path)).Message);
    }

    [Theory]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]", "not valid JSON")]
    [InlineData("{\"w\": {\"dtype\": \"I8\", \"shape\": [2], \"data_offsets\": [0, 2]}}", "dtype 'I8' is not supported")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [3], \"data_offsets\": [0, 8]}}", "needs 12")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"data_offsets\": [0, 8]}}", "needs \"dtype\"")]
    [InlineData("[1, 2]", "must be a JSON object")]
    public void ACorruptHeaderIsAClearError(string header, string expected)
    {
        var path = Path.Combine(TestPaths.Scratch("safetensors"), "corrupt.safetensors");
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + 8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<SafetensorsException>(() => SafetensorsReader.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AHeaderLengthPastTheEndOfTheFileIsAnError()
    {
        var path = Path.Combine(TestPaths.Scratch("safetensors"), "huge-header.safetensors");
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 1UL << 40);
        File.WriteAllBytes(path, bytes);
        Assert.Contains("header length 1099511627776 runs past the end of the file (16 bytes)",
            Assert.Throws<SafetensorsException>(() => SafetensorsReader.Read(path)).Message);
    }

    [Fact]
    public void AnEncoderSavedAndReloadedGivesTheSameWeightsAndItsShapesAreChecked()
    {
        var config = EncoderConfig.Small;
        var weights = RandomWeights.Create(config, seed: 9);
        var path = Write("F64", [.. weights.Tensors.Values]);
        var loaded = WeightSet.Load(path);
        loaded.Validate(config);
        Assert.Equal(weights.Get("blocks.1.moe.experts.fc2.weight", 4, 64, 128), loaded.Get("blocks.1.moe.experts.fc2.weight", 4, 64, 128));

        var wider = config with { Heads = 3 };
        var error = Assert.Throws<SafetensorsException>(() => loaded.Validate(wider));
        Assert.Equal($"{path}: tensor 'patch_embed.weight' has shape [64, 3, 8, 8], expected [96, 3, 8, 8]", error.Message);
    }
}
