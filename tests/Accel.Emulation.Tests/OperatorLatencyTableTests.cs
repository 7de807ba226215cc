namespace Accel.Emulation.Tests;

public class OperatorLatencyTableTests
{
    private static readonly OperatorLatencyTable Table = OperatorLatencyTable.UltraScalePlus;

    [Fact]
    public void EmbeddedTableCoversEveryOperatorAtEveryClock()
    {
        Assert.Equal([100, 200, 300], Table.ClocksMhz);
        Assert.NotEmpty(Table.Assumptions);
        foreach (var op in Enum.GetValues<OperatorKind>())
        {
            foreach (int clock in Table.ClocksMhz)
                Assert.True(Table.Cycles(op, 64, clock) >= 0, $"{op} at {clock} MHz");
        }
    }

    [Fact]
    public void WidthsAndClocksRoundUpToTheNextRowAndColumn()
    {
        // 16-bit multiply fits one DSP (<= 18 row); 250 MHz uses the 300 MHz column.
        Assert.Equal(Table.Cycles(OperatorKind.Multiply, 18, 300), Table.Cycles(OperatorKind.Multiply, 16, 250));
        Assert.Equal(Table.Cycles(OperatorKind.Multiply, 32, 300), Table.Cycles(OperatorKind.Multiply, 19, 300));
        Assert.Equal(3, Table.Cycles(OperatorKind.Multiply, 16, 300));
        Assert.Equal(36, Table.Cycles(OperatorKind.Divide, 32, 300));
        Assert.Equal(2, Table.Cycles(OperatorKind.BramRead, 32, 300));
    }

    [Fact]
    public void LatenciesGrowWithClockAndWidth()
    {
        foreach (var op in Enum.GetValues<OperatorKind>())
        {
            Assert.True(Table.Cycles(op, 64, 100) <= Table.Cycles(op, 64, 300), $"{op} by clock");
            Assert.True(Table.Cycles(op, 8, 300) <= Table.Cycles(op, 64, 300), $"{op} by width");
        }
        // Combinational operators stay under one cycle; registered ones are whole cycles.
        Assert.InRange(Table.Cycles(OperatorKind.AddSub, 64, 300), 0, 0.99);
        Assert.Equal(0, Table.Cycles(OperatorKind.ShiftConstant, 32, 300));
    }

    [Fact]
    public void OutOfTableQueriesNameTheParameter()
    {
        Assert.Equal("clockMhz", Assert.Throws<ArgumentOutOfRangeException>(() => Table.Cycles(OperatorKind.AddSub, 32, 400)).ParamName);
        Assert.Equal("widthBits", Assert.Throws<ArgumentOutOfRangeException>(() => Table.Cycles(OperatorKind.AddSub, 128, 300)).ParamName);
        Assert.Equal("widthBits", Assert.Throws<ArgumentOutOfRangeException>(() => Table.Cycles(OperatorKind.AddSub, 0, 300)).ParamName);
    }
}
