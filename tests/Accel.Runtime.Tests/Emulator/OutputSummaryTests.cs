using System.Text;
using Accel.Runtime.Emulator.Hosting;

namespace Accel.Runtime.Tests.Emulator;

public sealed class OutputSummaryTests
{
    [Fact]
    public void Checksum_is_fnv1a_64_of_the_little_endian_bytes()
    {
        Assert.Equal(0xcbf29ce484222325UL, OutputSummary.Fnv1a([]));                       // the offset basis
        Assert.Equal(0xaf63dc4c8601ec8cUL, OutputSummary.Fnv1a(Encoding.ASCII.GetBytes("a"))); // published test vector
        var summary = OutputSummary.Of("y", new short[] { 3, -1, 2 });
        Assert.Equal(new OutputSummary("y", 3, "-1", "3", $"{OutputSummary.Fnv1a([3, 0, 0xFF, 0xFF, 2, 0]):x16}"), summary);
        Assert.NotEqual(summary.Checksum, OutputSummary.Of("y", new short[] { 3, -1, 3 }).Checksum);
    }
}
