namespace Accel.Tests.Ports;

/// <summary>Hls.ArrayPartition on a [LookupTable]: the pragma in the C++, a bit-exact C simulation, and the
/// estimator's ROM split into banks whose reads are spread over them.</summary>
public sealed class TablePartitionTests
{
    [Fact]
    public void APartitionedTableIsPrintedSimulatedAndEstimatedAsBanks()
    {
        var generated = PortedKernel.GenerateBitExact("TableLookup.cs", "table_lookup", ["size=64", "banks=8"]);
        Assert.Contains("ACCEL_PRAGMA(\"HLS ARRAY_PARTITION variable=curve type=cyclic factor=8 dim=1\")", PortedKernel.Cpp(generated));
    }

    [Theory]
    [InlineData(1, 256, 4L)]
    [InlineData(8, 32, 8L)]
    [InlineData(2, 128, 4L)]
    public void TheTablesReadsSpreadOverItsBanks(int banks, long depth, long copies)
    {
        // Eight reads a cycle (the unrolled lanes). One table of 256 x 32 bits (8 Kbit, a block RAM) serves two
        // reads a copy: 4 copies. Cyclic by 8: eight banks of 32 entries (1 Kbit, LUT RAM), one read each: 8.
        // Cyclic by 2: two banks of 128 (4 Kbit: block RAM), four reads each, two copies a bank: 4.
        var ir = PortedKernel.Lower("TableLookup.cs", "table_lookup", ["size=64", $"banks={banks}"]);
        var curve = ResourceEstimator.Estimate(ir).Memories.Single(m => m.Name == "curve");
        Assert.True(curve.IsRom);
        Assert.Equal((depth, copies), (curve.Depth, curve.Banks));
    }
}
