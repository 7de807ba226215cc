namespace Accel.Tests.Ports;

/// <summary>Hls.ArrayReshape through every consumer: the pragma in the C++, a bit-exact C simulation, the
/// emulator's II from one port pair on wide words, and the estimator's one wide memory.</summary>
public sealed class ArrayReshapeTests
{
    [Fact]
    public void AReshapedBufferIsPrintedSimulatedEmulatedAndEstimatedAsOneMemoryOfWideWords()
    {
        var generated = PortedKernel.GenerateBitExact("WindowSum.cs", "window_sum", ["size=64"]);
        Assert.Contains("ACCEL_PRAGMA(\"HLS ARRAY_RESHAPE variable=buf type=cyclic factor=4 dim=1\")", PortedKernel.Cpp(generated));

        // Four reads of buf[4k .. 4k + 3] a cycle: one word of four elements, one of the memory's two ports, II 1
        // (unreshaped, four reads on two ports would be II 2).
        var emulated = KernelRuns.Emulate(PortedKernel.Project("WindowSum.cs"), "window_sum", null, ["size=64"]);
        Assert.Equal(generated.Reference["sums"], emulated.Outputs["sums"]);
        var sumLoop = emulated.Timing.Loops.Values.Single(l => l.Function == "Run" && l.TripCount == 16);
        Assert.Equal(1, sumLoop.II);
        Assert.Null(sumLoop.Reason);

        // 64 elements of 32 bits as 16 words of 128 bits: one memory (2,048 bits, LUT RAM at the default
        // threshold), not four banks.
        var buf = ResourceEstimator.Estimate(generated.Ir).Memories.Single(m => m.Name == "buf");
        Assert.Equal((16L, 128, 1L), (buf.Depth, buf.Width, buf.Banks));
    }
}
