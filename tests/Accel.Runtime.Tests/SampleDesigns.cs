namespace Accel.Runtime.Tests;

/// <summary>
/// A small design in the shape v++ produces for a U55C: four HBM banks, a vadd kernel whose output may
/// use two banks, a scale kernel with two compute units, and a kernel described but never instantiated.
/// </summary>
internal static class SampleDesigns
{
    public static readonly Guid Uuid = Guid.Parse("5a1e0c2d-7b3f-4e8a-9c61-0d2f4b6a8e13");

    public const ulong BankKiB = 256 * 1024;   // 256 MiB pseudo-channels

    public static XclbinDesign Full() => new(
        Name: "accel_sample",
        Uuid: Uuid,
        PlatformVbnv: "xilinx_u55c_gen3x16_xdma_3_202210_1",
        MemoryBanks: Enumerable.Range(0, 4)
            .Select(i => new MemoryBank($"HBM[{i}]", MemoryType.Hbm, Used: true, BaseAddress: (ulong)i * BankKiB * 1024, SizeKiB: BankKiB))
            .ToValueList(),
        Kernels: ValueList.Of(Vadd(), Scale(), Orphan()),
        Clocks: ValueList.Of(
            new ClockFrequency("DATA_CLK", ClockType.Data, 300),
            new ClockFrequency("KERNEL_CLK", ClockType.Kernel, 500)));

    /// <summary>vadd(int* in, int* out, unsigned int n): in on HBM[0]; out may use HBM[1] or HBM[2].</summary>
    public static XclbinKernel Vadd() => new(
        "vadd",
        ValueList.Of(Master("M_AXI_GMEM0"), Master("M_AXI_GMEM1"), Control()),
        ValueList.Of(
            new KernelArgument(0, "in", ArgumentKind.Global, "M_AXI_GMEM0", 0x10, 8, 8, "int*"),
            new KernelArgument(1, "out", ArgumentKind.Global, "M_AXI_GMEM1", 0x1C, 8, 8, "int*"),
            new KernelArgument(2, "n", ArgumentKind.Scalar, "S_AXI_CONTROL", 0x28, 4, 4, "unsigned int")),
        ValueList.Of(new ComputeUnit("vadd_1", 0x1800000, ComputeUnit.PropertiesFor(IpControl.ApCtrlHs),
            ValueList.Of(new ArgumentConnection(0, 0), new ArgumentConnection(1, 1), new ArgumentConnection(1, 2)))));

    /// <summary>scale(float* data, float factor, unsigned int n) with two compute units on HBM[3].</summary>
    public static XclbinKernel Scale() => new(
        "scale",
        ValueList.Of(Master("M_AXI_GMEM"), Control()),
        ValueList.Of(
            new KernelArgument(0, "data", ArgumentKind.Global, "M_AXI_GMEM", 0x10, 8, 8, "float*"),
            new KernelArgument(1, "factor", ArgumentKind.Scalar, "S_AXI_CONTROL", 0x1C, 4, 4, "float"),
            new KernelArgument(2, "n", ArgumentKind.Scalar, "S_AXI_CONTROL", 0x24, 4, 4, "unsigned int")),
        ValueList.Of(
            new ComputeUnit("scale_1", 0x1810000, ComputeUnit.PropertiesFor(IpControl.ApCtrlChain), ValueList.Of(new ArgumentConnection(0, 3))),
            new ComputeUnit("scale_2", 0x1820000, ComputeUnit.PropertiesFor(IpControl.ApCtrlChain), ValueList.Of(new ArgumentConnection(0, 3)))));

    /// <summary>Described in the XML but with no compute unit: XRT refuses to open it.</summary>
    public static XclbinKernel Orphan() => new(
        "orphan",
        ValueList.Of(Control()),
        ValueList.Of(new KernelArgument(0, "n", ArgumentKind.Scalar, "S_AXI_CONTROL", 0x10, 4, 4, "unsigned int")),
        ValueList<ComputeUnit>.Empty);

    public static byte[] FullBytes() => XclbinWriter.Write(Full());

    private static KernelPort Master(string name) => new(name, KernelPort.MasterMode, 512, 0xFFFFFFFF);

    private static KernelPort Control() => new("S_AXI_CONTROL", KernelPort.SlaveMode, 32, 0x1000);
}
