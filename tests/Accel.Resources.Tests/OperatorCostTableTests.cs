namespace Accel.Resources.Tests;

/// <summary>The Yosys-calibrated table ships with the assembly, says how it was made, and answers every request
/// the estimator can make.</summary>
public sealed class OperatorCostTableTests
{
    private static readonly OperatorCostTable Table = OperatorCostTable.Default;

    [Fact]
    public void TheTableLoadsAndRecordsHowItWasMade()
    {
        Assert.StartsWith("Yosys ", Table.YosysVersion);
        Assert.Contains("synth_xilinx -family xcup", Table.Command);
        Assert.True(Table.Entries.Count > 50, $"{Table.Entries.Count} entries");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryOperatorIsCalibratedUpToTheWidestRequest(OperatorKind kind)
    {
        var (a, b, o) = kind.Widest();
        Assert.True(Table.TryFind(kind, a, b, o, out var cost), $"no {kind.TableName()} entry covers a={a} b={b} out={o}");
        Assert.True(cost.Lut + cost.Dsp > 0, $"{kind}: a calibrated operator uses logic");
        Assert.True(Table.TryFind(kind, 1, 0, 1, out _), $"no {kind.TableName()} entry for the narrowest request");
    }

    public static TheoryData<OperatorKind> Kinds() => new(Enum.GetValues<OperatorKind>().Where(k => k.IsCosted()));

    [Fact]
    public void WiderOperatorsCostMore()
    {
        Assert.True(Table.Find(OperatorKind.Mul, 64, 64, 64).Dsp > Table.Find(OperatorKind.Mul, 16, 16, 32).Dsp);
        Assert.True(Table.Find(OperatorKind.Add, 64, 64, 64).Lut > Table.Find(OperatorKind.Add, 8, 8, 8).Lut);
        Assert.True(Table.Find(OperatorKind.Shr, 64, 6, 64).Lut > Table.Find(OperatorKind.Shr, 16, 4, 16).Lut);
        Assert.True(Table.Find(OperatorKind.Div, 32, 32, 32).Lut > Table.Find(OperatorKind.Div, 16, 16, 16).Lut);
    }

    [Fact]
    public void ARequestBetweenCalibratedWidthsTakesTheWiderEntry()
    {
        var cost = Table.Find(OperatorKind.Add, 20, 20, 20);
        Assert.Equal(24, cost.A);
        var mul = Table.Find(OperatorKind.Mul, 10, 30, 40); // operands in either order
        Assert.True(mul.A >= 30 && mul.B >= 10 && mul.Out >= 40, mul.ToString());
    }

    [Fact]
    public void AnUncoveredRequestSaysWhatToRecalibrate()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Table.Find(OperatorKind.Add, 65, 65, 65));
        Assert.Contains("add", error.Message);
        Assert.Contains("calibrate.sh", error.Message);
    }
}
