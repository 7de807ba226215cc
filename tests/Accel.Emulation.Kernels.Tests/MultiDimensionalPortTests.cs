namespace Accel.Tests.Emulation;

/// <summary>A 3-D m_axi port in the emulator: the hooked copy records each element at its row-major address and
/// updates it in place, so the outputs are the kernel's and the traffic is the elements' bytes.</summary>
public sealed class MultiDimensionalPortTests
{
    [Fact]
    public void A3DPortIsReadAndUpdatedInPlaceAtItsRowMajorAddresses()
    {
        string source = TestKernel.Source("cube", "int n = 3", """[MAxi("gmem0")] int[,,] volume""", """
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < n; j++)
                            for (long k = 0; k < n; k++)
                            {
                                Hls.Pipeline(1);
                                volume[i, j, k] += i * 100 + j * 10 + (int)k;
                            }
            """, """s.Array("volume", new int[n, n, n])""");
        var result = KernelRuns.EmulateSource(source, "cube");
        var volume = (int[,,])result.Outputs["volume"];
        Assert.Equal(212, volume[2, 1, 2]);
        Assert.Equal(21, volume[0, 2, 1]);
        // 27 elements of 4 bytes, each read once and written once (the update is one read and one write).
        var port = Assert.Single(result.Report.Ports);
        Assert.Equal((27L * 4, 27L * 4), (port.BytesRead, port.BytesWritten));
    }

    [Fact]
    public void AStimulusWhoseShapeDependsOnTheSeedIsRefusedNamingThePortAndBothShapes()
    {
        // At the default seed (1) the port is 2 x 8, at seed 2 it is 8 x 2: the C++ declares [2][8], so the run at
        // seed 2 must be refused rather than index 8 rows of 2 as rows of 8.
        string source = TestKernel.Source("seeded", "int n = 16", """[MAxi("gmem0")] int[,] m""", "m[0, 0] = n;",
            """s.Array("m", s.Seed == 1 ? new int[2, 8] : new int[8, 2])""");
        string file = Path.Combine(Path.GetTempPath(), $"accel-seeded-{Guid.NewGuid():N}.cs");
        File.WriteAllText(file, source);
        try
        {
            var project = Codegen.Frontend.KernelProject.FromFiles([file], []);
            var kernel = Kernels.Catalog.KernelCatalog.Find(project, "seeded");
            var config = Codegen.Frontend.KernelConfig.Resolve(kernel, null, []);
            var stimulus = new Codegen.Reference.KernelActivator(kernel, config).MakeStimulus(2);
            var error = Assert.Throws<Codegen.Frontend.KernelParameterException>(() =>
                Accel.Emulation.Kernels.KernelEmulator.Run(project, kernel, config, stimulus, new Accel.Emulation.Kernels.KernelEmulator.Options(300)));
            Assert.Contains("the port 'm' a 8 x 2 array at seed 2 and a 2 x 8 one at the default seed", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
