namespace Accel.Tests.Emulation;

/// <summary>C# zeroes a new array; the C++ keeps `= {}` (a fill loop on every call, which the emulator costs)
/// unless the kernel writes every element before it reads one.</summary>
public sealed class LocalArrayFillTests
{
    private static string Kernel(string firstUse) => TestKernel.Source("fill", "int n = 64", TestKernel.XToY, $$"""
                int[] buf = new int[64];
        {{firstUse}}
                for (int i = 0; i < 64; i++)
                {
                    Hls.Pipeline(1);
                    y[i] = buf[63 - i] + 1;
                }
        """, TestKernel.RandomX);

    // Every element written first: no fill. Odd elements only, or under a condition: the zeroes show, so the fill stays.
    private const string WritesAll = """
                for (int i = 0; i < 64; i++) buf[i] = x[i];
        """;
    private const string WritesHalf = """
                for (int i = 0; i < 32; i++) buf[2 * i + 1] = x[i];
        """;
    private const string WritesIfPositive = """
                for (int i = 0; i < 64; i++) if (x[i] > 0) buf[i] = x[i];
        """;

    private static KernelProject Project(string firstUse)
    {
        string file = Path.Combine(TestPaths.Scratch("fill"), $"Fill{Math.Abs(firstUse.GetHashCode())}.cs");
        File.WriteAllText(file, Kernel(firstUse));
        return KernelProject.FromFiles([file], []);
    }

    [Theory]
    [InlineData(WritesAll, false)]
    [InlineData(WritesHalf, true)]
    [InlineData(WritesIfPositive, true)]
    public void TheGeneratedArrayIsZeroFilledOnlyWhenSomeElementCanBeReadUnwritten(string firstUse, bool filled)
    {
        var (generated, csim) = KernelRuns.GenerateAndRun(Project(firstUse), "fill", null, []);
        Assert.True(csim.BitExact, csim.Output); // the C++ still computes what the C# does, fill or not
        string cpp = File.ReadAllText(Path.Combine(generated.Directory, "fill.cpp"));
        Assert.Contains(filled ? "int32_t buf[64] = {};" : "int32_t buf[64];", cpp);
    }

    [Theory]
    [InlineData("", 65)]
    [InlineData("Hls.ArrayPartition(buf, PartitionKind.Cyclic, 4);", 17)]
    [InlineData("Hls.ArrayReshape(buf, PartitionKind.Cyclic, 4);", 17)]
    [InlineData("Hls.ArrayReshape(buf, PartitionKind.Complete);", 1)]
    public void TheEmulatorCostsTheFillWhereTheCppHasIt(string directive, int cycles)
    {
        // The fill writes 64 elements, a word a cycle in every bank, plus a cycle of loop control: one bank, 65
        // cycles; four banks, or one memory of four-element words (a reshape by 4), 64 / 4 + 1 = 17; registers all
        // at once, 1. Those are the cycles of the top's straight-line code that the kernel writing every element
        // first does not have.
        long Straight(string firstUse) => KernelRuns.Emulate(Project(directive + "\n" + firstUse), "fill", null, []).Timing.FunctionCycles["Run"];
        Assert.Equal(cycles, Straight(WritesHalf) - Straight(WritesAll));
    }
}
