namespace Accel.Resources.Tests;

/// <summary>What a dataflow region holds, derived by hand from UG1399's dataflow rules: every process call is a
/// process of its own (a function called twice is two instances), and an array handed from one process to a later
/// one is a ping-pong buffer, two of the array.</summary>
public sealed class DataflowRegionCostTests
{
    private const string Processes = """
            static void Load(int[] x, int[] buf, int n)
            {
                for (int i = 0; i < n; i++) { Hls.Pipeline(1); buf[i] = x[i]; }
            }

            static void Scale(int[] from, int[] to, int n)
            {
                for (int i = 0; i < n; i++) { Hls.Pipeline(1); to[i] = from[i] * 3; }
            }

            static void Store(int[] buf, int[] y, int n)
            {
                for (int i = 0; i < n; i++) { Hls.Pipeline(1); y[i] = buf[i]; }
            }
        """;

    private static string Region(string calls) => Kernels.Source("int n = 256", Kernels.XToY, $$"""
                Hls.Dataflow();
                int[] a = new int[n];
                int[] b = new int[n];
                int[] c = new int[n];
        {{calls}}
        """, Processes);

    private const string TwoScales = """
                Load(x, a, n);
                Scale(a, b, n);
                Scale(b, c, n);
                Store(c, y, n);
        """;

    private const string OneScale = """
                Load(x, a, n);
                Scale(a, c, n);
                Store(c, y, n);
        """;

    [Fact]
    public void AFunctionCalledTwiceInTheRegionIsTwoProcesses()
    {
        // Scale's body is one multiplier and one loop counter; two calls of it are two processes running side by
        // side, so twice the operators of one call.
        static ResourceVector ScaleCost(string calls) => ResourceEstimator.Estimate(Kernels.FromSource(Region(calls))).ByFunction["Scale"];
        var one = ScaleCost(OneScale);
        Assert.True(one[Resource.Dsp] > 0 && one[Resource.Lut] > 0, one.ToString());
        Assert.Equal(one * 2, ScaleCost(TwoScales));
    }

    [Fact]
    public void AnArrayHandedBetweenProcessesIsHeldTwice()
    {
        // a, b and c are each written by one process and read by the next: three ping-pong buffers of 256 x 32
        // bits, each two block RAMs (one 18 Kbit RAM holds 512 x 32, so a copy is one). With one Scale, b is
        // never handed over (nobody writes or reads it) and stays a single array.
        var two = ResourceEstimator.Estimate(Kernels.FromSource(Region(TwoScales))).Memories.ToDictionary(m => m.Name);
        foreach (var name in new[] { "a", "b", "c" })
            Assert.Equal((2L, 2L), (two[$"{name} (ping-pong)"].Banks, two[$"{name} (ping-pong)"].Cost[Resource.Bram18K]));
        var one = ResourceEstimator.Estimate(Kernels.FromSource(Region(OneScale))).Memories.ToDictionary(m => m.Name);
        Assert.Equal(1L, one["b"].Banks);
        Assert.Equal(2L, one["c (ping-pong)"].Banks);
    }
}
