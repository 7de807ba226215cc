namespace Accel.Tests.Transpiler;

/// <summary>Hls.Dependence prints as Vitis's DEPENDENCE pragma; a distance written as an expression of the
/// function's parameters prints as the number this configuration gives it.</summary>
public sealed class DependencePragmaTests
{
    [Theory]
    [InlineData(null, 8)]           // headDim 64 in beats of lanes 8: a slot's words are read again 8 iterations later
    [InlineData("tokens17-p1", 1)]  // headDim 8, lanes 8: one beat a row, so the next iteration
    public void AttentionsDistanceIsItsBeatsPerRow(string? config, int beats)
    {
        var kernel = KernelCatalog.Find(KernelCatalog.BuiltIn, "attention");
        var resolved = KernelConfig.Resolve(kernel, config, []);
        var ir = Codegen.Transpiler.Lower(KernelCatalog.BuiltIn, kernel, resolved);
        var depths = ir.Top.Parameters.Where(p => p.Port is not null).ToDictionary(p => p.Name, _ => 64);
        var cpp = HlsProjectWriter.Render(ir, resolved.Name, depths, new HlsProjectWriter.Options(Board.Find("u55c"), 300))["attention.cpp"];
        Assert.Contains($"HLS DEPENDENCE variable=slotState type=inter dependent=true distance={beats}", cpp);
        Assert.Contains($"HLS DEPENDENCE variable=outAcc type=inter dependent=true distance={beats}", cpp);
    }
}
