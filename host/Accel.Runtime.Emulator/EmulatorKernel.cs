using Accel.Runtime.Devices;
using Accel.Runtime.Emulator.Designs;
using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Emulator;

/// <summary>A kernel of the emulator's loaded design; checks requests with the same rules as the XRT backend.</summary>
internal sealed class EmulatorKernel(EmulatorDevice device, XclbinKernel definition, KernelDesign design) : IKernel
{
    private bool disposed;

    /// <summary>The bank index of a buffer an axis port is fed from or drained into: none of the design's banks.</summary>
    internal const int HostStreamBank = -1;

    public string Name => Definition.Name;

    public XclbinKernel Definition { get; } = definition;

    internal EmulatorDevice Device { get; } = device;

    /// <summary>What a run emulates: the kernel at the configuration, board and clock the design names.</summary>
    internal KernelDesign Design { get; } = design;

    public IBuffer<T> AllocateBuffer<T>(string argumentName, int length, int? bank = null) where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var argument = ArgumentRules.Resolve(Definition, argumentName);
        ArgumentRules.CheckElementType<T>(Definition, argument);
        if (argument.Kind == ArgumentKind.Stream)
        {
            // An axis port's words stay in host memory: the emulator feeds them to the port, or drains the port into them.
            var streamBuffer = new EmulatorBuffer<T>(Device, HostStreamBank, length);
            Device.Adopt(streamBuffer);
            return streamBuffer;
        }
        var bankIndex = ArgumentRules.BankFor(Definition, argument, bank);
        BufferRules.CheckLength<T>(Device.Design!.MemoryBanks[bankIndex], bankIndex, length);
        var buffer = new EmulatorBuffer<T>(Device, bankIndex, length);
        Device.Adopt(buffer);
        return buffer;
    }

    public IRun CreateRun()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var run = new EmulatorRun(this);
        Device.Adopt(run);
        return run;
    }

    public void Dispose()
    {
        lock (Device.Gate)
        {
            if (disposed)
                return;
            disposed = true;
            Device.Forget(this);
        }
    }
}
