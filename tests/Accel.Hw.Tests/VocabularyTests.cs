using Accel.Hw;

namespace Accel.Tests.Hw;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData(5L, 1, 3L)]       // 2.5 rounds up
    [InlineData(-5L, 1, -2L)]     // -2.5 rounds toward +infinity
    [InlineData(7L, 0, 7L)]
    [InlineData(-9L, 2, -2L)]     // -2.25
    public void RoundShiftRoundsHalfUp(long x, int n, long expected) => Assert.Equal(expected, Fx.RoundShift(x, n));

    [Fact]
    public void SaturateClampsToTheSignedRange()
    {
        Assert.Equal(127, Fx.Saturate(1000, 8));
        Assert.Equal(-128, Fx.Saturate(-1000, 8));
        Assert.Equal(long.MaxValue, Fx.Saturate(long.MaxValue, 64));
        Assert.Equal(255, Fx.SaturateUnsigned(300, 8));
        Assert.Equal(0, Fx.SaturateUnsigned(-3, 8));
    }

    [Fact]
    public void AStreamReadFromEmptyIsAnError() =>
        Assert.Throws<InvalidOperationException>(() => new Stream<int>(2).Read());
}
