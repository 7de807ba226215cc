using Accel.Hw;

namespace Accel.EdgeMoe.Weights;

/// <summary>Seeded weights with PyTorch's default initialisation: linear and convolution weights and biases
/// uniform in +-1/sqrt(fan in), LayerNorm scale 1 and shift 0, class token and position embedding normal with
/// standard deviation 0.02 (as ViT initialises them).</summary>
public static class RandomWeights
{
    public static WeightSet Create(EncoderConfig config, int seed)
    {
        var random = new Random(seed);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, shape) in EncoderWeightNames.All(config))
        {
            int count = shape.Aggregate(1, (a, d) => a * d);
            var values = new double[count];
            if (name.Contains("norm", StringComparison.Ordinal))
                Array.Fill(values, name.EndsWith(".weight", StringComparison.Ordinal) ? 1.0 : 0.0);
            else if (name is "cls_token" or "pos_embed")
                for (int i = 0; i < count; i++) values[i] = 0.02 * Stimuli.Gaussian(random);
            else
            {
                double bound = 1 / Math.Sqrt(FanIn(config, name));
                for (int i = 0; i < count; i++) values[i] = bound * (2 * random.NextDouble() - 1);
            }
            tensors[name] = new Tensor(name, shape, values);
        }
        return new WeightSet(tensors, $"random weights (seed {seed})");
    }

    /// <summary>A seeded input image, normal per pixel (an image after mean/std normalisation).</summary>
    public static double[] Image(EncoderConfig config, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, config.Channels * config.Height * config.Width).Select(_ => Stimuli.Gaussian(random)).ToArray();
    }

    private static int FanIn(EncoderConfig c, string name) =>
        name.StartsWith("patch_embed", StringComparison.Ordinal) ? c.PatchSize
        : name.Contains("mlp.fc2", StringComparison.Ordinal) ? c.MlpHidden
        : name.Contains("experts.fc2", StringComparison.Ordinal) ? c.ExpertHidden
        : c.Dim;
}
