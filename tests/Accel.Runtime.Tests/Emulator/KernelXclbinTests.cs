using Accel.Runtime.Emulator.Designs;
using Accel.Kernels.Catalog;
using Accel.Testbenches;

namespace Accel.Runtime.Tests.Emulator;

/// <summary>The xclbin metadata Accel derives from a kernel's IR, and the way back from a file to the design.</summary>
public sealed class KernelXclbinTests(SoftmaxXclbin xclbin) : IClassFixture<SoftmaxXclbin>
{
    [Fact]
    public void Softmax_arguments_registers_ports_and_banks_come_from_the_top_function()
    {
        var design = KernelXclbin.Describe(SoftmaxXclbin.Design());
        Assert.Equal("accel:softmax:row16:actIntBits=10,expTableBits=8,lanes=1,rowLength=16", design.Name);
        Assert.Equal("xilinx_u55c_gen3x16_xdma_3_202210_1", design.PlatformVbnv);
        var kernel = Assert.Single(design.Kernels);
        Assert.Equal(
        [
            new KernelArgument(0, "scores", ArgumentKind.Global, "M_AXI_GMEM0", 0x10, 8, 8, "const int32_t*"),
            new KernelArgument(1, "probs", ArgumentKind.Global, "M_AXI_GMEM1", 0x18, 8, 8, "int32_t*"),
            new KernelArgument(2, "rows", ArgumentKind.Scalar, "S_AXI_CONTROL", 0x20, 4, 4, "int32_t"),
        ], kernel.Arguments);
        Assert.Equal(["M_AXI_GMEM0", "M_AXI_GMEM1", "S_AXI_CONTROL"], kernel.Ports.Select(p => p.Name));
        var unit = Assert.Single(kernel.ComputeUnits);
        Assert.Equal("softmax_1", unit.Name);                     // link.cfg's nk=softmax:1:softmax_1
        Assert.Equal([new ArgumentConnection(0, 0), new ArgumentConnection(1, 1)], unit.Connections);
        Assert.Equal(32, design.MemoryBanks.Count);
        Assert.All(design.MemoryBanks, b => Assert.Equal(512UL * 1024 * 1024, b.SizeBytes));
        Assert.Equal([0, 1], design.MemoryBanks.Select((b, i) => (b, i)).Where(x => x.b.Used).Select(x => x.i));
        Assert.Equal(new ClockFrequency("DATA_CLK", ClockType.Data, 300), Assert.Single(design.Clocks));
    }

    [Fact]
    public void Boards_change_platform_and_banks_and_the_file_round_trips()
    {
        var u280 = KernelXclbin.Describe(SoftmaxXclbin.Design("u280", 200));
        Assert.Equal(34, u280.MemoryBanks.Count);
        Assert.Equal(("DDR[1]", 16UL * 1024 * 1024 * 1024), (u280.MemoryBanks[33].Tag, u280.MemoryBanks[33].SizeBytes!.Value));
        var zcu102 = KernelXclbin.Describe(SoftmaxXclbin.Design("zcu102"));
        Assert.Equal("PS_DDR4", Assert.Single(zcu102.MemoryBanks).Tag);
        Assert.All(zcu102.Kernels[0].ComputeUnits[0].Connections, c => Assert.Equal(0, c.BankIndex));
        Assert.NotEqual(u280.Uuid, zcu102.Uuid);

        // The writer's bytes depend on the design only, and the reader gives the design back.
        Assert.Equal(XclbinWriter.Write(KernelXclbin.Describe(SoftmaxXclbin.Design())), File.ReadAllBytes(xclbin.XclbinPath));
        Assert.Equal(KernelXclbin.Describe(SoftmaxXclbin.Design()), XclbinReader.Read(xclbin.XclbinPath).Design);
        var path = Path.Combine(xclbin.Root, "u280.xclbin");
        XclbinWriter.WriteFile(u280, path);
        var recognized = XclbinRecognition.Recognize(XclbinReader.Read(path), KernelCatalog.BuiltIn);
        Assert.Equal(("softmax", "row16", "u280", 200), (recognized.Kernel.Name, recognized.Config.Name, recognized.Board.Name, recognized.ClockMhz));
        Assert.Equal(16, recognized.Config.Values["rowLength"]);
    }

    [Fact]
    public void A_stale_or_foreign_design_name_is_refused_with_what_differs()
    {
        var current = KernelXclbin.Describe(SoftmaxXclbin.Design());
        var kernel = current.Kernels[0];
        var renamed = kernel with { Arguments = kernel.Arguments.Select(a => a.Name == "rows" ? a with { Name = "count" } : a).ToValueList() };
        var stale = Path.Combine(xclbin.Root, "stale.xclbin");
        XclbinWriter.WriteFile(current with { Kernels = ValueList.Of(renamed) }, stale);
        var e = Assert.Throws<DeviceArgumentException>(() => XclbinRecognition.Recognize(XclbinReader.Read(stale), KernelCatalog.BuiltIn));
        Assert.Contains("does not match kernel 'softmax' at configuration 'row16' as its source describes it now " +
                        "(file: softmax(const int32_t* scores, int32_t* probs, int32_t count); source: softmax(const int32_t* scores, int32_t* probs, int32_t rows))", e.Message);

        var unknown = Path.Combine(xclbin.Root, "unknown-parameter.xclbin");
        XclbinWriter.WriteFile(current with { Name = "accel:softmax:row16:rowLength=16,width=3" }, unknown);
        Assert.Contains("kernel 'softmax' has no parameter 'width'",
            Assert.Throws<DeviceArgumentException>(() => XclbinRecognition.Recognize(XclbinReader.Read(unknown), KernelCatalog.BuiltIn)).Message);
    }

    [Fact]
    public void Arguments_on_a_shared_bundle_share_a_port_and_bad_clocks_are_refused()
    {
        // The encoder puts weights and biases of a layer on one bundle: gmem1 carries normGamma and normBeta.
        var encoder = KernelCatalog.Find(KernelCatalog.BuiltIn, "edgemoe_encoder");
        var config = KernelConfig.Resolve(encoder, "layers2-tokens17-top1", []);
        var kernel = KernelXclbin.Describe(new KernelDesign(KernelCatalog.BuiltIn, encoder, config, Board.Find("u55c"), 300)).Kernels[0];
        Assert.Equal(8, kernel.Arguments.Count);                 // x, the norms, weights, biases, two outputs, task
        Assert.Equal(6, kernel.Ports.Count);                     // gmem0..gmem4 (Edge-MoE's five bundles) and the control port
        Assert.Equal(["M_AXI_GMEM1", "M_AXI_GMEM1"], kernel.Arguments.Where(a => a.Name is "normGamma" or "normBeta").Select(a => a.Port));
        Assert.Equal(kernel.Arguments.Select((a, i) => 0x10u + 8u * (uint)i), kernel.Arguments.Select(a => a.Offset));
        Assert.Equal(4, kernel.ComputeUnits[0].Connections.Single(c => kernel.Arguments[c.ArgumentIndex].Name == "expertTokens").BankIndex);   // HBM[4]

        Assert.Contains("expected a whole number of MHz in [1, 300]",
            Assert.Throws<KernelParameterException>(() => SoftmaxXclbin.Design(clockMhz: 400)).Message);
    }
}
