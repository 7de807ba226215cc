using System.Text.Json;
using Accel.Kernels.EdgeMoe;

namespace Accel.Tests.Emulation;

/// <summary>The reordering's point, from the command the issue names (`accel emulate attention --sweep
/// P=1,2,4,8,16 --json`, default configuration: 129 tokens, 3 heads of 64, beats of 8 elements): the reordered
/// order's K/V stream bandwidth stays flat whatever P while the naive order's demand grows with P, and the
/// reordered cycles are one beat per cycle over N^2/P + P - 1 key steps per head (plus one pass to drain the
/// last block's A V) and a fixed fill.</summary>
public sealed class AttentionReorderingTests
{
    private const int Tokens = 129, Heads = 3;
    private static readonly int Beats = AttentionUnit.Beats(headDim: 64, lanes: 8);

    private sealed record Point(int P, bool Reorder, long Cycles, double BytesPerCycle, double DemandBytesPerCycle, double KeyValueBytesPerCycle);

    private static readonly Lazy<List<Point>> Sweep = new(() =>
    {
        var (exit, stdout, stderr) = AccelProcess.Run("emulate", "attention", "--sweep", "P=1,2,4,8,16", "--json");
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.GetProperty("points").EnumerateArray().Select(p => new Point(
            (int)p.GetProperty("params").GetProperty("P").GetInt64(),
            p.GetProperty("params").GetProperty("reorder").GetInt64() == 1,
            p.GetProperty("cycles").GetInt64(),
            p.GetProperty("bytes_per_cycle").GetDouble(),
            p.GetProperty("demand_bytes_per_cycle").GetDouble(),
            p.GetProperty("ports").EnumerateArray().Where(port => port.GetProperty("name").GetString() is "k" or "v").Sum(port => port.GetProperty("bytes_per_cycle").GetDouble())))
            .OrderBy(p => p.P).ToList();
    });

    private static List<Point> Order(bool reorder) => Sweep.Value.Where(p => p.Reorder == reorder).ToList();

    private static string Show(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("F2")));

    [Fact]
    public void TheSweepHasBothOrdersAtEveryP()
    {
        Assert.Equal([1, 2, 4, 8, 16], Order(true).Select(p => p.P));
        Assert.Equal([1, 2, 4, 8, 16], Order(false).Select(p => p.P));
    }

    [Fact]
    public void ReorderedKeyValueBandwidthStaysFlatWithinFivePercent()
    {
        var kv = Order(true).Select(p => p.KeyValueBytesPerCycle).ToList();
        Assert.True(kv.Max() <= 1.05 * kv.Min(), $"reordered K/V bytes per cycle for P = 1..16: {Show(kv)}");
        // Q in and O out are N rows each per head in either order, spread over N^2/P cycles: at P = 16 they add
        // about 9% to K/V; the total still stays within 10%, and never stalls on memory.
        var total = Order(true).Select(p => p.BytesPerCycle).ToList();
        Assert.True(total.Max() <= 1.10 * total.Min(), $"reordered bytes per cycle: {Show(total)}");
        Assert.All(Order(true), p => Assert.True(p.DemandBytesPerCycle <= 1.01 * p.BytesPerCycle, $"P = {p.P} stalled on memory"));
    }

    [Fact]
    public void NaiveBandwidthDemandGrowsWithP()
    {
        var demand = Order(false).Select(p => p.DemandBytesPerCycle).ToList();
        for (int i = 1; i < demand.Count; i++)
            Assert.True(demand[i] > 1.6 * demand[i - 1], $"naive demand bytes per cycle for P = 1..16: {Show(demand)}");
        // Memory cannot give it, so the naive order gets no faster with P, while the reordered one does.
        var naive = Order(false);
        var reordered = Order(true);
        Assert.True(naive[^1].Cycles > 10 * reordered[^1].Cycles, $"P = 16: naive {naive[^1].Cycles} cycles, reordered {reordered[^1].Cycles}");
        Assert.True(naive[^1].Cycles >= naive[0].Cycles);
    }

    [Fact]
    public void ReorderedCyclesAreOneBeatPerCycleOverTheStaggeredKeySteps()
    {
        // per head and beat: ceil(N/P) N + (P - 1) key steps (N^2/P + P - 1) plus N to drain A V
        var fill = Order(true).Select(p => p.Cycles - (long)Heads * Beats * AttentionUnit.StepsPerHead(Tokens, p.P, reorder: true)).ToList();
        Assert.Single(fill.Distinct());
        Assert.InRange(fill[0], 0, Order(true)[^1].Cycles / 20);
        var halves = Order(true).Zip(Order(true).Skip(1), (a, b) => (double)b.Cycles / a.Cycles).ToList();
        Assert.All(halves, ratio => Assert.InRange(ratio, 0.5, 0.6));
    }
}
