using Accel.Runtime.Devices;
using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Emulator.Designs;

/// <summary>
/// The way back from an xclbin to the kernel design it describes: the design name says which kernel at which
/// parameters, the platform says the board, DATA_CLK the clock. The file must still be what Accel would write
/// for that kernel today, so a stale file (the kernel's interface changed since) is refused, not half-used.
/// </summary>
public static class XclbinRecognition
{
    public static KernelDesign Recognize(XclbinFile file, KernelProject project)
    {
        var d = file.Design;
        var name = DesignName.TryParse(d.Name) ?? throw Refuse(file,
            $"its design name '{d.Name}' is not one Accel writes ({DesignName.Expected}), so the kernel and configuration to emulate are unknown; " +
            "write the xclbin with `accel xclbin write <kernel>`");
        var board = Board.All.FirstOrDefault(b => b.Platform == d.PlatformVbnv) ?? throw Refuse(file,
            $"platform '{d.PlatformVbnv}' is not one of Accel's boards ({string.Join(", ", Board.All.Select(b => $"{b.Name}: {b.Platform}"))})");
        var clock = d.Clocks.FirstOrDefault(c => c.Type == ClockType.Data) ?? throw Refuse(file,
            "it has no data clock (DATA_CLK) in CLOCK_FREQ_TOPOLOGY, so the kernel clock is unknown");

        KernelDesign design;
        try
        {
            design = KernelDesign.FromName(name, project, board, clock.FrequencyMhz);
        }
        catch (KernelParameterException e)
        {
            throw Refuse(file, $"design '{d.Name}': {e.Message}");
        }
        var expected = KernelXclbin.Describe(design);
        if (expected with { Uuid = d.Uuid } != d)
            throw Refuse(file, $"it does not match kernel '{name.Kernel}' at configuration '{name.Config}' as its source describes it now " +
                               $"({Difference(expected, d)}); write it again with `accel xclbin write {name.Kernel}`");
        return design;
    }

    private static string Difference(XclbinDesign expected, XclbinDesign found)
    {
        var wanted = expected.Kernels[0];
        var present = found.FindKernel(wanted.Name);
        if (present is null)
            return $"the file has kernel(s) {string.Join(", ", found.Kernels.Select(k => k.Name))}, the source kernel '{wanted.Name}'";
        if (present.Signature != wanted.Signature)
            return $"file: {present.Signature}; source: {wanted.Signature}";
        return "argument registers, ports, memory connections or banks differ";
    }

    private static DeviceArgumentException Refuse(XclbinFile file, string problem) =>
        new($"{file.Source}: the emulator cannot run this xclbin: {problem}");
}
