using Accel.Runtime.Emulator.Designs;
using Accel.Kernels.Catalog;
using Accel.Testbenches;

namespace Accel.Runtime.Tests.Emulator;

/// <summary>A temporary folder holding the xclbin Accel writes for softmax row16 on a U55C, shared by the emulator and XRT tests.</summary>
public sealed class SoftmaxXclbin : IDisposable
{
    public SoftmaxXclbin()
    {
        EmulatorBackend.Register();
        Root = Path.Combine(Path.GetTempPath(), $"accel-softmax-xclbin-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        XclbinPath = Path.Combine(Root, "softmax.row16.xclbin");
        KernelXclbin.Write(Design(), XclbinPath);
    }

    public string Root { get; }

    /// <summary>The xclbin file.</summary>
    public string XclbinPath { get; }

    /// <summary>An emulator device with this xclbin loaded.</summary>
    public IDevice OpenEmulator()
    {
        var device = Device.Open("emu");
        device.Load(XclbinPath);
        return device;
    }

    public static KernelDesign Design(string board = "u55c", int clockMhz = 300)
    {
        var kernel = KernelCatalog.Find(KernelCatalog.BuiltIn, SoftmaxHostProgram.Kernel);
        return new KernelDesign(KernelCatalog.BuiltIn, kernel, KernelConfig.Resolve(kernel, SoftmaxHostProgram.Config, []), Board.Find(board), clockMhz);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
