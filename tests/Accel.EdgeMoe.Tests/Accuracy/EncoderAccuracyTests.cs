using Accel.EdgeMoe.Accuracy;
using Xunit.Abstractions;

namespace Accel.EdgeMoe.Tests.Accuracy;

/// <summary>The W16A32 encoder against its float64 reference on seeded PyTorch-default weights and a seeded
/// normal image: every stage and the task heads stay close (final cosine similarity at least 0.999).</summary>
public sealed class EncoderAccuracyTests(ITestOutputHelper output)
{
    private IReadOnlyList<StageError> Measure(EncoderConfig config, int task)
    {
        var errors = EncoderAccuracy.Measure(config, RandomWeights.Create(config, seed: 1), RandomWeights.Image(config, seed: 2), task);
        output.WriteLine($"task {task}:");
        foreach (var e in errors) output.WriteLine(e.ToString());
        return errors;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void SmallEncoderTracksTheFloatReference(int task)
    {
        var errors = Measure(EncoderConfig.Small, task);
        Assert.Equal(EncoderConfig.Small.Layers + 3, errors.Count);
        Assert.All(errors, e => Assert.True(e.Cosine >= 0.9999 && e.RelativeError <= 1e-2, e.ToString()));
        Assert.True(errors[^1].MaxAbsError > 0, "a fixed-point model identical to float64 means the reference is not independent");
    }

    [Fact]
    public void ReferenceConfigurationReachesCosineSimilarity0999()
    {
        var errors = Measure(EncoderConfig.Reference, task: 0);
        Assert.All(errors, e => Assert.True(e.Cosine >= 0.999, e.ToString()));
    }
}
