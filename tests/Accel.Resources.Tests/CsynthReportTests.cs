namespace Accel.Resources.Tests;

/// <summary>Reading csynth.xml (a hand-written sample in Vitis's layout) and showing it beside an estimate.</summary>
public sealed class CsynthReportTests : IDisposable
{
    private readonly string scratch = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"accel-csynth-{Environment.ProcessId}-{Guid.NewGuid():N}")).FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void TheSampleReportIsRead()
    {
        var report = CsynthReport.Read(Kernels.Data("softmax-csynth.xml"));
        Assert.Equal("xczu9eg-ffvb1156-2-e", report.Part);
        Assert.Equal("softmax", report.TopModelName);
        Assert.Equal(3.33, report.TargetClockPeriod);
        Assert.Equal(2.433, report.EstimatedClockPeriod);
        Assert.Equal((312L, 320124L, 313L, 320125L), (report.BestLatency, report.WorstLatency, report.IntervalMin, report.IntervalMax));
        Assert.Equal(new ResourceVector(Dsp: 42, Bram18K: 8, Uram: 0, Lut: 12345, Ff: 9876), report.Resources);
        Assert.Equal(Parts.Zcu102.Capacity, report.AvailableResources);
    }

    [Fact]
    public void UndefinedLatencyIsNullAndAMissingUramIsZero()
    {
        var path = Rewrite(x => x.Replace("<Worst-caseLatency>320124</Worst-caseLatency>", "<Worst-caseLatency>undef</Worst-caseLatency>")
                                 .Replace("<URAM>0</URAM>", ""));
        var report = CsynthReport.Read(path);
        Assert.Null(report.WorstLatency);
        Assert.Equal(312, report.BestLatency);
        Assert.Equal(0, report.Resources.Uram);
    }

    [Fact]
    public void ABadFigureIsReportedWithItsFileAndLine()
    {
        var path = Rewrite(x => x.Replace("<LUT>12345</LUT>", "<LUT>lots</LUT>"));
        var error = Assert.Throws<CsynthReportException>(() => CsynthReport.Read(path));
        int line = File.ReadAllLines(path).ToList().FindIndex(l => l.Contains("<LUT>lots</LUT>")) + 1;
        Assert.Contains($"{path}:{line}:", error.Message);
        Assert.Contains("LUT", error.Message);
    }

    [Fact]
    public void AMissingSectionIsNamed()
    {
        var path = Rewrite(x => x.Replace("<DSP>42</DSP>", ""));
        var error = Assert.Throws<CsynthReportException>(() => CsynthReport.Read(path));
        Assert.Contains("AreaEstimates/Resources/DSP", error.Message);
        Assert.Throws<CsynthReportException>(() => CsynthReport.Read(Path.Combine(Path.GetTempPath(), "no-such-csynth.xml")));
    }

    [Fact]
    public void TheTableShowsTheReportBesideTheEstimate()
    {
        var estimate = ResourceEstimator.Estimate(Kernels.BuiltIn("softmax"));
        var report = CsynthReport.Read(Kernels.Data("softmax-csynth.xml"));
        var text = EstimateTable.Render(estimate, report, Parts.Zcu102);
        var lutRow = text.Split('\n').Single(l => l.StartsWith("LUT ", StringComparison.Ordinal));
        Assert.Contains(estimate[Resource.Lut].ToString("N0", System.Globalization.CultureInfo.InvariantCulture), lutRow);
        Assert.Contains("12,345", lutRow);
        Assert.Contains("274,080", lutRow);
        Assert.Contains("WorstLatency 320,124", text);
        Assert.Contains("IntervalMax 320,125", text);
    }

    /// <summary>A copy of the sample with an edit, in this test's scratch folder (removed after the test).</summary>
    private string Rewrite(Func<string, string> edit)
    {
        var path = Path.Combine(scratch, $"{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, edit(File.ReadAllText(Kernels.Data("softmax-csynth.xml"))));
        return path;
    }
}
