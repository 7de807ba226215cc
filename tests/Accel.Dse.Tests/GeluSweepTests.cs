using System.Text.Json;

namespace Accel.Dse.Tests;

/// <summary>What the sweep measured, checked point by point without relying on the order of the output.</summary>
[Collection(GeluSweepCollection.Name)]
public sealed class GeluSweepTests(GeluSweepFixture sweep)
{
    private DsePoint At(long tableFracBits, long lanes) =>
        Assert.Single(sweep.First.Points, p => p.Params["tableFracBits"] == tableFracBits && p.Params["lanes"] == lanes);

    [Fact]
    public void Every_combination_is_measured_once()
    {
        Assert.Equal(6, sweep.First.Points.Count);
        foreach (var t in new[] { 10, 12, 16 })
            foreach (var l in new[] { 1, 4 })
            {
                var p = At(t, l);
                Assert.NotNull(p.Error);
                Assert.Equal("max_abs_err", p.Error.Metric);
                Assert.Null(p.ErrorNote);
                Assert.True(p.Fits, string.Join("; ", p.Overflows));
            }
    }

    /// <summary>GELU's cycles from its loop structure (README, "The emulator"): rows x (1 + (n - 1) + depth) + 65
    /// with n = ceil(rowLength / lanes), 4 rows of the stimulus, pipeline depth 91 at 300 MHz.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Cycles_follow_the_loop_formula(int lanes)
    {
        long n = (16 + lanes - 1) / lanes;
        foreach (var t in new[] { 10, 12, 16 })
            Assert.Equal(4 * (1 + (n - 1) + 91) + 65, At(t, lanes).Cycles);
    }

    [Fact]
    public void More_lanes_cost_more_DSPs_and_more_table_bits_cost_logic_at_each_other_value()
    {
        foreach (var t in new[] { 10, 12, 16 })
        {
            Assert.True(At(t, 4).Dsp > At(t, 1).Dsp, $"tableFracBits={t}: DSP {At(t, 4).Dsp} at 4 lanes, {At(t, 1).Dsp} at 1");
            Assert.True(At(t, 4).Resources["LUT"] > At(t, 1).Resources["LUT"]);
        }
        foreach (var l in new[] { 1, 4 })
            Assert.True(At(16, l).Resources["LUT"] > At(10, l).Resources["LUT"], $"lanes={l}: a 16-bit table should need more LUTs than a 10-bit one");
    }

    [Fact]
    public void Finer_tables_are_more_accurate()
    {
        foreach (var l in new[] { 1, 4 })
        {
            Assert.True(At(16, l).Error!.Value < At(12, l).Error!.Value);
            Assert.True(At(12, l).Error!.Value < At(10, l).Error!.Value);
        }
    }

    [Fact]
    public void The_front_holds_exactly_the_points_no_other_point_dominates()
    {
        var points = sweep.First.Points;
        var front = sweep.First.Front;
        Assert.NotEmpty(front);
        for (int i = 0; i < points.Count; i++)
        {
            bool dominated = points.Any(q => Pareto.Dominates(Pareto.Objectives(q), Pareto.Objectives(points[i])));
            Assert.True(front.Contains(i) == !dominated, $"point {i} ({points[i].Label}): dominated = {dominated}, on the front = {front.Contains(i)}");
        }
    }

    [Fact]
    public void The_second_run_reads_every_point_from_the_cache_and_gives_the_same_json()
    {
        Assert.Equal(0, sweep.First.FromCache);
        Assert.Equal(6, sweep.Second.FromCache);
        Assert.Equal(JsonSerializer.Serialize(sweep.First.Points, DseCache.Json), JsonSerializer.Serialize(sweep.Second.Points, DseCache.Json));
        Assert.Equal(sweep.First.Front, sweep.Second.Front);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(sweep.CacheRoot, "gelu"), "*.json").Length);
    }

    [Fact]
    public void A_different_part_or_seed_is_a_different_cache_entry()
    {
        var cache = new DseCache(sweep.CacheRoot);
        var canonical = sweep.Target.Canonical(["tableFracBits=10", "lanes=1"]);
        var path = cache.PathOf(sweep.Target, canonical, sweep.Settings);
        Assert.NotEqual(path, cache.PathOf(sweep.Target, canonical, sweep.Settings with { Part = Resources.Parts.U55c }));
        Assert.NotEqual(path, cache.PathOf(sweep.Target, canonical, sweep.Settings with { Seed = 2 }));
        Assert.Equal(path, cache.PathOf(sweep.Target, sweep.Target.Canonical(["lanes=1", "tableFracBits=10"]), sweep.Settings));
    }
}
