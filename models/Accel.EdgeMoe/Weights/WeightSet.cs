namespace Accel.EdgeMoe.Weights;

/// <summary>The weights of one model by tensor name, with the place they came from (a file, or a seed) so that an
/// error can say where to look.</summary>
public sealed class WeightSet(IReadOnlyDictionary<string, Tensor> tensors, string source)
{
    public string Source { get; } = source;
    public IReadOnlyDictionary<string, Tensor> Tensors { get; } = tensors;

    public static WeightSet Load(string path) => new(SafetensorsReader.Read(path), path);

    /// <summary>The values of a tensor that must exist with exactly this shape.</summary>
    public double[] Get(string name, params int[] shape)
    {
        if (!Tensors.TryGetValue(name, out var tensor))
            throw new SafetensorsException($"{Source}: tensor '{name}' is missing (expected shape {Tensor.FormatShape(shape)})");
        if (!tensor.Shape.SequenceEqual(shape))
            throw new SafetensorsException($"{Source}: tensor '{name}' has shape {Tensor.FormatShape(tensor.Shape)}, expected {Tensor.FormatShape(shape)}");
        return tensor.Values;
    }

    /// <summary>Checks every tensor the configuration needs, so a bad file fails before any computing starts.</summary>
    public void Validate(EncoderConfig config)
    {
        foreach (var (name, shape) in EncoderWeightNames.All(config)) Get(name, shape);
    }
}
