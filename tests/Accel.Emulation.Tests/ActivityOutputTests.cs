using System.Diagnostics;
using System.Text.Json;
using static Accel.Emulation.Tests.TraceBuilding;

namespace Accel.Emulation.Tests;

public class ActivityOutputTests
{
    /// <summary>A producer/consumer pair with a stall on each side and a memory port, recorded with activity.</summary>
    private static (TimingReport Report, ActivityLog? Log) Run(bool record)
    {
        var b = new DesignBuilder(300);
        int producer = b.AddProcess("producer"), consumer = b.AddProcess("consumer");
        int fifo = b.AddFifo("items", 2, producer, consumer);
        int port = b.AddPort("in", producer, b.AddChannel(MemoryPresets.U55cHbmPseudoChannel("HBM[0]")), 512);
        var traces = new[]
        {
            Record(t => t.Pipelined(1, 70, 64, k =>
            {
                t.ReadPort(port, k * 64L, 64);
                t.WriteFifo(fifo);
            })),
            Record(t => t.Pipelined(3, 2, 64, _ => t.ReadFifo(fifo))),
        };
        var log = record ? new ActivityLog() : null;
        return (TimingEngine.Run(b.Build(), traces, log), log);
    }

    private static (TimingReport Report, ActivityLog Log) RunRecorded()
    {
        var (report, log) = Run(record: true);
        return (report, log!);
    }

    [Fact]
    public void RecordingActivityDoesNotChangeTheFigures()
    {
        var (recorded, _) = RunRecorded();
        var (plain, _) = Run(record: false);

        Assert.True(recorded.Processes.All(p => p.StalledOnInputCycles + p.StalledOnOutputCycles > 0));
        Assert.Equal(plain.TotalCycles, recorded.TotalCycles);
        Assert.Equal(plain.Processes, recorded.Processes);
        Assert.Equal(plain.Fifos, recorded.Fifos);
        Assert.Equal(plain.Ports, recorded.Ports);
    }

    [Fact]
    public void VcdHasOneSignalPerElementAndIncreasingTimes()
    {
        var (report, log) = RunRecorded();
        var text = new StringWriter();
        VcdWriter.Write(log, text);
        var lines = text.ToString().Split('\n');

        // 2 processes + 1 FIFO + 1 port x 2 directions x (outstanding, beat) = 7 signals.
        Assert.Equal(7, lines.Count(l => l.StartsWith("$var wire ")));
        Assert.Contains(lines, l => l.StartsWith("$var wire 2 ") && l.EndsWith(" producer $end"));
        var times = lines.Where(l => l.StartsWith('#')).Select(l => long.Parse(l[1..])).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(times.Distinct().Count(), times.Count);
        // The last change is the last process finishing: total cycles at 300 MHz, in ps.
        Assert.Equal((long)Math.Round(report.TotalCycles * 1e12 / 300e6), times[^1]);
    }

    /// <summary>
    /// vcd2fst exits 0 even on malformed input, so the check is a round trip: GTKWave's converter to FST and
    /// back to VCD must give the very signals and value changes we wrote.
    /// </summary>
    [RequiresTool("vcd2fst", "fst2vcd")]
    public void GtkWaveReadsBackEverySignalAndChange()
    {
        var (_, log) = RunRecorded();
        string dir = Directory.CreateTempSubdirectory("accel-vcd-").FullName;
        try
        {
            string vcd = Path.Combine(dir, "run.vcd"), fst = Path.Combine(dir, "run.fst");
            using (var file = new StreamWriter(vcd))
                VcdWriter.Write(log, file);

            var (exit, output) = RunTool("vcd2fst", vcd, fst);
            Assert.True(exit == 0, $"vcd2fst exited with {exit}: {output}");
            var (backExit, back) = RunTool("fst2vcd", fst);
            Assert.True(backExit == 0, $"fst2vcd exited with {backExit}");

            var written = VcdReader.Changes(File.ReadAllText(vcd));
            var readBack = VcdReader.Changes(back);
            Assert.Equal(7, written.Count);
            Assert.Equal(written.Keys.Order(), readBack.Keys.Order());
            foreach (var (name, changes) in written)
                Assert.True(changes.SequenceEqual(readBack[name]), $"signal {name} differs after the round trip");
            Assert.Contains(written["design.fifos.items"], c => c.Value == 2);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ChromeTraceParsesAndHoldsTheExpectedEvents()
    {
        var (report, log) = RunRecorded();
        var stream = new MemoryStream();
        ChromeTraceWriter.Write(log, stream);
        using var doc = JsonDocument.Parse(stream.ToArray());
        var events = doc.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        List<JsonElement> Where(string ph, string? name = null) => events
            .Where(e => e.GetProperty("ph").GetString() == ph && (name is null || e.GetProperty("name").GetString() == name))
            .ToList();

        var threadNames = Where("M", "thread_name").Select(e => e.GetProperty("args").GetProperty("name").GetString()).ToList();
        Assert.Contains("producer", threadNames);
        Assert.Contains("consumer", threadNames);
        Assert.Equal(2, Where("X", "run").Count);
        double consumerEnd = Where("X", "run").Single(e => e.GetProperty("tid").GetInt32() == 2).GetProperty("dur").GetDouble();
        Assert.Equal(report.Processes[1].FinishCycle / 300.0, consumerEnd, 9);

        double StallSum(string name, int tid) => Where("X", name)
            .Where(e => e.GetProperty("tid").GetInt32() == tid).Sum(e => e.GetProperty("dur").GetDouble());
        Assert.Equal(report.Processes[0].StalledOnInputCycles / 300.0, StallSum("stalled on input", 1), 6);
        Assert.Equal(report.Processes[0].StalledOnOutputCycles / 300.0, StallSum("stalled on output", 1), 6);
        Assert.Equal(report.Processes[1].StalledOnInputCycles / 300.0, StallSum("stalled on input", 2), 6);

        Assert.Equal(report.Ports[0].ReadRequests, Where("b", "read burst").Count);
        Assert.Equal(report.Ports[0].ReadRequests, Where("e", "read burst").Count);
        var occupancy = Where("C", "FIFO items").Select(e => e.GetProperty("args").GetProperty("occupancy").GetInt32()).ToList();
        Assert.Equal(report.Fifos[0].MaxOccupancy, occupancy.Max());
        Assert.Equal(0, occupancy[^1]);
    }

    private static (int Exit, string Output) RunTool(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
