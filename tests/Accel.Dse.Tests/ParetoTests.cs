namespace Accel.Dse.Tests;

/// <summary>The Pareto function on hand-made points, where the front is known by inspection.</summary>
public sealed class ParetoTests
{
    [Fact]
    public void Front_of_hand_made_points_is_the_non_dominated_ones()
    {
        double[][] points =
        [
            [1, 10, 0.5],   // 0: fastest
            [2, 2, 0.5],    // 1: fewest DSPs with error 0.5
            [3, 2, 0.5],    // 2: dominated by 1 (slower, same DSPs and error)
            [5, 5, 0.01],   // 3: most accurate
            [5, 5, 0.01],   // 4: equal to 3: neither dominates the other
            [6, 11, 0.6],   // 5: dominated by everything before it
            [2, 2, 0.4],    // 6: dominates 1 (better error, same rest)
        ];
        Assert.Equal([0, 3, 4, 6], Pareto.Front(points));
    }

    [Fact]
    public void Dominance_needs_one_strictly_better_objective_and_none_worse()
    {
        Assert.True(Pareto.Dominates([1, 1], [1, 2]));
        Assert.False(Pareto.Dominates([1, 1], [1, 1]));
        Assert.False(Pareto.Dominates([0, 3], [1, 2]));
        Assert.Throws<ArgumentException>(() => Pareto.Dominates([1], [1, 2]));
    }

    [Fact]
    public void Front_of_one_objective_is_every_minimum()
    {
        Assert.Equal([1, 3], Pareto.Front([[4], [2], [3], [2]]));
        Assert.Empty(Pareto.Front([]));
    }

    [Fact]
    public void Points_that_overflow_the_part_are_left_off_the_front()
    {
        static DsePoint Point(double timeMs, long dsp, params string[] overflows) =>
            new(new Dictionary<string, long>(), 1, timeMs, null, "none", new Dictionary<string, long> { ["DSP"] = dsp, ["BRAM_18K"] = 0 }, overflows);
        // The overflowing point would dominate both others.
        var points = new[] { Point(2, 4), Point(1, 1, "DSP overflows"), Point(1, 8) };
        Assert.Equal([0, 2], Pareto.Of(points));
    }
}
