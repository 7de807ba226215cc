namespace Accel.Tests.Emulation;

/// <summary>The source of a kernel written inside a test: the parts that vary (parameters, ports, the top's body,
/// other members, the stimulus) in the one file layout every such kernel shares.</summary>
internal static class TestKernel
{
    /// <summary>The ports most tests use: x read through gmem0, y written through gmem1.</summary>
    public const string XToY = """[MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y""";

    /// <summary>A stimulus of n random values of x, and n outputs of y.</summary>
    public const string RandomX = """s.Array("x", Enumerable.Range(0, n).Select(i => s.Random.Next(-1000, 1000)).ToArray()).Output<int>("y", n)""";

    /// <summary>A stimulus of x = 0, 1, .., n - 1, and n outputs of y.</summary>
    public const string CountingX = """s.Array("x", Enumerable.Range(0, n).ToArray()).Output<int>("y", n)""";

    /// <summary>A kernel <paramref name="name"/> whose top is <c>Run(<paramref name="ports"/>)</c>.</summary>
    /// <param name="parameters">the primary-constructor parameters, such as <c>int n = 64</c></param>
    /// <param name="run">the top's body; its first line is line 11 of the file, which findings that name a line count on</param>
    /// <param name="stimulus">the expression body of <c>Stimulus(Stimulus s)</c></param>
    /// <param name="members">functions after the top, from line 17 when the top's body is five lines</param>
    public static string Source(string name, string parameters, string ports, string run, string stimulus, string members = "") => $$"""
        using Accel.Hw;

        namespace Rules;

        [Kernel("{{name}}")]
        public sealed class KernelUnderTest({{parameters}})
        {
            [Top]
            public void Run({{ports}})
            {
        {{run}}
            }

        {{members}}

            [Stimulus]
            public void Stimulus(Stimulus s) => {{stimulus}};
        }
        """;

    /// <summary>The one-based line of the first line of <paramref name="source"/> holding <paramref name="marker"/>.</summary>
    public static int LineOf(string source, string marker) =>
        source.Split('\n').Select((text, i) => (text, i)).First(l => l.text.Contains(marker, StringComparison.Ordinal)).i + 1;

    /// <summary>The emulated timing of the loop marked with <paramref name="marker"/> in function <paramref name="function"/>.</summary>
    public static LoopTiming Loop(string source, string name, string marker, double clockMhz = 300, string function = "Run")
    {
        var result = KernelRuns.EmulateSource(source, name, new KernelEmulator.Options(ClockMhz: clockMhz));
        int line = LineOf(source, marker);
        return result.Timing.Loops.Values.Single(l => l.Line == line && l.Function == function);
    }
}
