using Accel.Runtime.Devices;
using Accel.Runtime.Emulator;
using Accel.Runtime.Emulator.Designs;
using Accel.Runtime.Emulator.Hosting;

namespace Accel.Tests.Ports;

/// <summary>A kernel's stimulus run on the emu device through the host API (the u55c at 300 MHz), with the arrays the
/// host got back and their comparison with the C# reference.</summary>
internal sealed record EmuDeviceRun(KernelDesign Design, IReadOnlyDictionary<string, Array> Arrays, VerifyReport Verify)
{
    public static EmuDeviceRun Of(KernelProject project, string name, string[] overrides)
    {
        var kernel = KernelCatalog.Find(project, name);
        var config = KernelConfig.Resolve(kernel, null, overrides);
        var design = new KernelDesign(project, kernel, config, Board.Find("u55c"), 300);
        EmulatorBackend.Register();
        using var device = Device.Open("emu");
        ((EmulatorDevice)device).Load(design);
        using var handle = device.OpenKernel(name);
        var stimulus = new Codegen.Reference.KernelActivator(kernel, config).MakeStimulus(1);
        var result = StimulusHost.Run(handle, stimulus, TimeSpan.FromSeconds(60));
        return new EmuDeviceRun(design, result.Arrays, ReferenceCheck.Compare(design, stimulus, result.Arrays));
    }
}
