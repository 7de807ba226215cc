namespace Accel.Tests.Backends;

/// <summary>The byte layout of a struct element on an m_axi port: each field at its natural alignment (g++'s
/// offsets), the C sizeof a multiple of the largest alignment, the element padded to a power of two bytes.</summary>
public sealed class AggregateLayoutTests
{
    [Theory]
    // UG1399's example: struct A { char foo; short bar; } is 3 bytes of data, sizeof 4, a 32-bit port.
    [InlineData(new[] { 1, 2 }, new[] { 0, 2 }, 4, 4)]
    // Three bytes (a pixel): sizeof 3, padded to 4.
    [InlineData(new[] { 1, 1, 1 }, new[] { 0, 1, 2 }, 3, 4)]
    // byte, int, short: the int aligned at 4, the short at 8, sizeof 12 (a multiple of 4), padded to 16.
    [InlineData(new[] { 1, 4, 2 }, new[] { 0, 4, 8 }, 12, 16)]
    // bool, float: 8, already a power of two.
    [InlineData(new[] { 1, 4 }, new[] { 0, 4 }, 8, 8)]
    // A double after a byte: 8-aligned, sizeof 16.
    [InlineData(new[] { 1, 8 }, new[] { 0, 8 }, 16, 16)]
    // Five ints: sizeof 20, padded to 32.
    [InlineData(new[] { 4, 4, 4, 4, 4 }, new[] { 0, 4, 8, 12, 16 }, 20, 32)]
    public void FieldsSitAtTheirCOffsetsAndTheElementIsAPowerOfTwo(int[] sizes, int[] offsets, int natural, int bytes)
    {
        var layout = AggregateLayout.Of(sizes);
        Assert.Equal(offsets, layout.Offsets);
        Assert.Equal((natural, bytes), (layout.NaturalBytes, layout.Bytes));
    }
}
