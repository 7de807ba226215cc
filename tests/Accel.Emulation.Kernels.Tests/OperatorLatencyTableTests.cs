using Accel.Codegen.Ir;
using Accel.Emulation.Kernels.Schedule;

namespace Accel.Tests.Emulation;

public class OperatorLatencyTableTests
{
    private static readonly OperatorLatencyTable Table = OperatorLatencyTable.UltraScalePlus;

    [Fact]
    public void EmbeddedTableCoversEveryOperatorAtEveryClock()
    {
        Assert.Equal([100, 200, 300], Table.ClocksMhz);
        Assert.NotEmpty(Table.Assumptions);
        // The n:1 mux and the leading-zero count are the estimator's; the schedule composes them from 2:1 muxes.
        Assert.Equal([OperatorKind.Muxn, OperatorKind.Clz], Timed(timed: false));
        foreach (var op in Timed(timed: true))
        {
            foreach (int clock in Table.ClocksMhz)
                Assert.True(Table.Cycles(op, 64, clock) >= 0, $"{op} at {clock} MHz");
        }
    }

    [Fact]
    public void WidthsAndClocksRoundUpToTheNextRowAndColumn()
    {
        // 16-bit multiply fits one DSP (<= 18 row); 250 MHz uses the 300 MHz column.
        Assert.Equal(Table.Cycles(OperatorKind.Mul, 18, 300), Table.Cycles(OperatorKind.Mul, 16, 250));
        Assert.Equal(Table.Cycles(OperatorKind.Mul, 32, 300), Table.Cycles(OperatorKind.Mul, 19, 300));
        Assert.Equal(3, Table.Cycles(OperatorKind.Mul, 16, 300));
        Assert.Equal(36, Table.Cycles(OperatorKind.Div, 32, 300));
        Assert.Equal(2, Table.Cycles(OperatorKind.BramRead, 32, 300));
    }

    [Fact]
    public void LatenciesGrowWithClockAndWidth()
    {
        foreach (var op in Timed(timed: true))
        {
            Assert.True(Table.Cycles(op, 64, 100) <= Table.Cycles(op, 64, 300), $"{op} by clock");
            Assert.True(Table.Cycles(op, 8, 300) <= Table.Cycles(op, 64, 300), $"{op} by width");
        }
        // Combinational operators stay under one cycle; registered ones are whole cycles.
        Assert.InRange(Table.Cycles(OperatorKind.Add, 64, 300), 0, 0.99);
        Assert.InRange(Table.Cycles(OperatorKind.Shl, 64, 300), 0, 0.99);
        Assert.Equal(Table.Cycles(OperatorKind.Add, 32, 200), Table.Cycles(OperatorKind.Sub, 32, 200));
    }

    [Fact]
    public void OutOfTableQueriesNameTheParameter()
    {
        Assert.Equal("clockMhz", Assert.Throws<ArgumentOutOfRangeException>(() => Table.Cycles(OperatorKind.Add, 32, 400)).ParamName);
        Assert.Equal("widthBits", Assert.Throws<ArgumentOutOfRangeException>(() => Table.Cycles(OperatorKind.Add, 128, 300)).ParamName);
        Assert.Equal("widthBits", Assert.Throws<ArgumentOutOfRangeException>(() => Table.Cycles(OperatorKind.Add, 0, 300)).ParamName);
    }

    private static OperatorKind[] Timed(bool timed) => Enum.GetValues<OperatorKind>().Where(op => Table.Times(op) == timed).ToArray();
}
