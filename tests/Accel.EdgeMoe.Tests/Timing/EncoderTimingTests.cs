using System.Text.Json;
using Accel.Emulation.Kernels;

namespace Accel.EdgeMoe.Tests.Timing;

/// <summary>One emulated forward pass of the small encoder, shared by the tests (each kernel configuration's
/// hooked copy is compiled once, which is most of the cost).</summary>
public sealed class SmallEncoderTiming
{
    public static readonly EncoderConfig Config = EncoderConfig.Small;
    public const int Task = 1;
    public WeightSet Weights { get; } = RandomWeights.Create(Config, seed: 1);
    public double[] Image { get; } = RandomWeights.Image(Config, seed: 2);
    public EncoderTiming Timing { get; }

    public SmallEncoderTiming() => Timing = EncoderTiming.Measure(Config, Weights, Image, Task, new KernelEmulator.Options());
}

/// <summary>The emulated encoder: the emulator changes timing only (outputs equal the direct C# run bit for bit),
/// the total is the sum of the kernel calls, MoE layers fetch and report only the experts that ran, and the
/// --json document has the keys of issue 4.</summary>
public sealed class EncoderTimingTests(SmallEncoderTiming run) : IClassFixture<SmallEncoderTiming>
{
    private static readonly EncoderConfig Config = SmallEncoderTiming.Config;

    [Fact]
    public void EmulatedOutputsEqualTheDirectRunBitForBit()
    {
        var direct = new FixedEncoder(Config, run.Weights).Run(run.Image, SmallEncoderTiming.Task);
        Assert.Equal(direct.Stages.Select(s => s.Name), run.Timing.Trace.Stages.Select(s => s.Name));
        // every activation is an int converted exactly to a double, so equal doubles mean equal bits
        foreach (var stage in direct.Stages) Assert.Equal(stage.Values, run.Timing.Trace[stage.Name]);
        Assert.Contains(run.Timing.Trace.Output, v => v != 0);
    }

    [Fact]
    public void TheTotalIsTheSumOfTheCallsInDeviceOrder()
    {
        var t = run.Timing;
        // patch embedding; per layer norm1, qkv, attention, proj, norm2 and fc1 + fc2 (dense) or moe; final norm, head
        int dense = (Config.Layers + 1) / 2, moe = Config.Layers / 2;
        Assert.Equal(1 + 7 * dense + 6 * moe + 2, t.Stages.Count);
        Assert.Equal([StageNames.PatchEmbed], t.PatchEmbedding.Select(s => s.Stage));
        Assert.Equal([StageNames.FinalNorm, StageNames.Head], t.Head.Select(s => s.Stage));
        Assert.Equal([StageNames.Norm1, StageNames.Qkv, StageNames.Attention, StageNames.Proj, StageNames.Norm2, StageNames.Fc1, StageNames.Fc2], t.Layers[0].Select(s => s.Stage));
        Assert.Equal([StageNames.Norm1, StageNames.Qkv, StageNames.Attention, StageNames.Proj, StageNames.Norm2, StageNames.Moe], t.Layers[1].Select(s => s.Stage));
        Assert.All(t.Stages, s => Assert.True(s.Cycles > 0 && s.BytesRead > 0 && s.BytesWritten > 0, $"{s.Stage} of layer {s.Layer}"));

        long groups = t.PatchEmbedding.Sum(s => s.Cycles) + t.Layers.Sum(l => l.Sum(s => s.Cycles)) + t.Head.Sum(s => s.Cycles);
        Assert.Equal(t.Stages.Sum(s => s.Cycles), t.Cycles);
        Assert.Equal(t.Cycles, groups);
        Assert.Equal(t.Cycles / 300e3, t.TimeMs, 12);
    }

    [Fact]
    public void ALinearCallReadsItsWeightsOnceAndWritesItsOutputOnce()
    {
        // qkv: x (tokens x dim ints), W (3 dim x dim shorts) and the bias (3 dim ints, brought on chip with each
        // weight tile) read once, y (tokens x 3 dim ints) written once
        int n = Config.Tokens, d = Config.Dim;
        var qkv = run.Timing.Layers[0].Single(s => s.Stage == StageNames.Qkv);
        Assert.Equal(4L * n * d, Port(qkv, "x").BytesRead);
        Assert.Equal(2L * 3 * d * d, Port(qkv, "w").BytesRead);
        Assert.Equal(4L * 3 * d, Port(qkv, "bias").BytesRead);
        Assert.Equal(4L * n * 3 * d, Port(qkv, "y").BytesWritten);
    }

    [Fact]
    public void TheMoeLayerFetchesAndReportsTheExpertsThatRan()
    {
        var moe = run.Timing.Layers[1].Single(s => s.Stage == StageNames.Moe);
        Assert.Equal(Config.Tokens * Config.TopK, moe.ExpertsThatRan.Sum(e => e.Tokens));
        Assert.All(moe.ExpertsThatRan, e => Assert.InRange(e.Tokens, 1, Config.Tokens));
        long expertWeights = 2L * Config.ExpertHidden * Config.Dim;   // one expert's fc1 (or fc2) in 16-bit weights
        Assert.Equal(moe.ExpertsThatRan.Count * expertWeights, Port(moe, "w1").BytesRead);
        Assert.Equal(moe.ExpertsThatRan.Count * expertWeights, Port(moe, "w2").BytesRead);
        Assert.All(run.Timing.Stages.Where(s => s.Stage != StageNames.Moe), s => Assert.Empty(s.ExpertsThatRan));
    }

    [Fact]
    public void TheJsonHasTheContractKeys()
    {
        var json = JsonDocument.Parse(JsonSerializer.Serialize(EncoderTimingJson.Build(run.Timing))).RootElement;
        Assert.Equal(run.Timing.Cycles, json.GetProperty("cycles").GetInt64());
        Assert.Equal(300, json.GetProperty("clock_mhz").GetDouble());
        Assert.Equal(run.Timing.TimeMs, json.GetProperty("time_ms").GetDouble());
        var layers = json.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(Config.Layers, layers.Count);
        Assert.Equal(["dense", "moe"], layers.Select(l => l.GetProperty("kind").GetString()));
        foreach (var (layer, index) in layers.Select((l, i) => (l, i)))
        {
            Assert.Equal(index, layer.GetProperty("index").GetInt32());
            var kernels = layer.GetProperty("kernels").EnumerateArray().ToList();
            Assert.Equal(kernels.Sum(k => k.GetProperty("cycles").GetInt64()), layer.GetProperty("cycles").GetInt64());
            Assert.All(kernels, k => Assert.True(k.GetProperty("kernel").GetString()!.Length > 0 && k.GetProperty("bytes_read").GetInt64() > 0 && k.GetProperty("bytes_written").GetInt64() > 0));
        }
        var moe = layers[1].GetProperty("kernels").EnumerateArray().Single(k => k.GetProperty("kernel").GetString() == "edgemoe_moe");
        Assert.Equal(Config.Tokens * Config.TopK, moe.GetProperty("experts").EnumerateArray().Sum(e => e.GetProperty("tokens").GetInt32()));
        long stages = json.GetProperty("patch_embed").GetProperty("cycles").GetInt64() + layers.Sum(l => l.GetProperty("cycles").GetInt64())
            + json.GetProperty("head").GetProperty("cycles").GetInt64();
        Assert.Equal(json.GetProperty("cycles").GetInt64(), stages);
        Assert.Equal(Config.Tokens, json.GetProperty("config").GetProperty("tokens").GetInt32());
    }

    private static Emulation.PortTiming Port(StageTiming s, string name) => s.Ports.Single(p => p.Name == name);
}
