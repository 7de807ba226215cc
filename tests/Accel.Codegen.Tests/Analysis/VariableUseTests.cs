namespace Accel.Tests.Analysis;

/// <summary>Which arrays a kernel writes and which variables it reads, worked out from the IR.</summary>
public sealed class VariableUseTests
{
    private const string Source = """
        using Accel.Hw;

        namespace Rules;

        [Kernel("use")]
        public sealed class Use(int n = 8)
        {
            [Top]
            public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y, [MAxi("gmem2")] int[] z, int unused)
            {
                Fill(y, x);
                for (int i = 0; i < n; i++) z[i] = x[i];
            }

            void Fill(int[] target, int[] from)
            {
                Copy(target, from);
            }

            void Copy(int[] to, int[] from)
            {
                for (int i = 0; i < n; i++) to[i] = from[i] + 1;
            }

            [Stimulus]
            public void Stimulus(Stimulus s) =>
                s.Scalar("unused", 0).Array("x", Enumerable.Range(0, n).ToArray()).Output<int>("y", n).Output<int>("z", n);
        }
        """;

    private static (Accel.Codegen.Ir.IrKernel Ir, VariableUse Use, Dictionary<string, Accel.Codegen.Ir.Variable> Top) Lowered()
    {
        var ir = KernelRuns.EmulateSource(Source, "use").Ir;
        return (ir, VariableUse.Of(ir), ir.Top.Parameters.ToDictionary(p => p.Name));
    }

    [Fact]
    public void AnArrayIsWrittenWhereStoredAndThroughEveryCallThatPassesItOn()
    {
        // z is stored directly; y only through Fill -> Copy, two calls down; x is only read.
        var (ir, use, top) = Lowered();
        Assert.True(use.IsWritten(top["z"]));
        Assert.True(use.IsWritten(top["y"]));
        Assert.False(use.IsWritten(top["x"]));
        var fill = ir.Functions.Single(f => f.Name == "Fill").Parameters;
        Assert.Equal([true, false], fill.Select(use.IsWritten));
    }

    [Fact]
    public void AScalarNoStatementMentionsIsNotRead()
    {
        // The C++ casts it to void to keep the compiler quiet; x is read (by the copy and by Copy through Fill).
        var (_, use, top) = Lowered();
        Assert.False(use.IsRead(top["unused"]));
        Assert.True(use.IsRead(top["x"]));
    }
}
