using System.Text.Json;

namespace Accel.Tests.Rtl;

/// <summary>Yosys on a small generated design (the dataflow scale_pipeline: three processes, two FIFOs, tens of
/// seconds), and `accel estimate --rtl`, which shows the figures of the last synthesis only while they are of the
/// Verilog `accel rtl` prints now.</summary>
public sealed class RtlSynthesisTests
{
    [Fact]
    public void EstimateShowsTheFiguresOfTheLastSynthesisOfTheSameRtlOnly()
    {
        var scratch = TestPaths.Scratch("rtl-estimate");
        var source = Path.Combine(scratch, "ScalePipeline.cs");
        File.Copy(TestPaths.Data("Csim", "Kernels", "ScalePipeline.cs"), source);
        string[] kernel = ["scale_pipeline", "--source", source, "--param", "length=20"];

        var (exit, _, stderr) = AccelProcess.RunIn(scratch, ["estimate", .. kernel, "--rtl"]);
        Assert.Equal(2, exit);
        Assert.Contains("run `accel rtl-synth scale_pipeline", stderr);

        (exit, var synthJson, stderr) = AccelProcess.RunIn(scratch, ["rtl-synth", .. kernel, "--json"]);
        Assert.True(exit == 0, stderr);
        var yosys = JsonDocument.Parse(synthJson).RootElement.GetProperty("yosys");
        Assert.InRange(yosys.GetProperty("LUT").GetInt64(), 1, 100_000);
        Assert.InRange(yosys.GetProperty("FF").GetInt64(), 1, 100_000);

        (exit, var estimateJson, stderr) = AccelProcess.RunIn(scratch, ["estimate", .. kernel, "--rtl", "--json"]);
        Assert.True(exit == 0, stderr);
        var rtl = JsonDocument.Parse(estimateJson).RootElement.GetProperty("rtl");
        foreach (var resource in new[] { "LUT", "FF", "DSP", "BRAM_18K" })
            Assert.Equal(yosys.GetProperty(resource).GetInt64(), rtl.GetProperty(resource).GetProperty("yosys").GetInt64());

        // The kernel changed (another gain constant): the synthesis is of other Verilog now.
        File.WriteAllText(source, File.ReadAllText(source).Replace("int gain = 3", "int gain = 5"));
        (exit, _, stderr) = AccelProcess.RunIn(scratch, ["estimate", .. kernel, "--rtl"]);
        Assert.Equal(2, exit);
        Assert.Contains("no synthesis of the current RTL", stderr);
    }
}
