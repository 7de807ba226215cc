using Accel.Runtime.Devices;
using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Xrt;

/// <summary>An opened XRT kernel (xrtKernelHandle, which XRT makes safe to share between threads).</summary>
internal sealed class XrtKernel(XrtDevice device, nint handle, XclbinKernel definition) : IKernel
{
    private nint handle = handle;

    public string Name => Definition.Name;

    public XclbinKernel Definition { get; } = definition;

    internal XrtDevice Device { get; } = device;

    internal nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle == 0, this);
            return handle;
        }
    }

    public IBuffer<T> AllocateBuffer<T>(string argumentName, int length, int? bank = null) where T : unmanaged
    {
        _ = Handle;
        var argument = ArgumentRules.Resolve(Definition, argumentName);
        var bankIndex = ArgumentRules.BankFor(Definition, argument, bank);
        ArgumentRules.CheckElementType<T>(Definition, argument);
        BufferRules.CheckLength<T>(Device.Design!.MemoryBanks[bankIndex], bankIndex, length);
        return Device.Allocate<T>(bankIndex, length, $"kernel '{Name}' argument '{argument.Name}'");
    }

    public IRun CreateRun()
    {
        var run = XrtNative.xrtRunOpen(Handle);
        if (run == 0)
            throw XrtErrors.CallFailed($"creating a run of kernel '{Name}'");
        var created = new XrtRun(this, run);
        Device.Adopt(created);
        return created;
    }

    /// <summary>The memory group XRT itself reports for an argument (xrtKernelArgGroupId).</summary>
    internal int GroupIdOf(string argumentName)
    {
        var argument = ArgumentRules.Resolve(Definition, argumentName);
        var group = XrtNative.xrtKernelArgGroupId(Handle, argument.Index);
        return group >= 0 ? group : throw XrtErrors.CallFailed($"reading the group id of kernel '{Name}' argument '{argumentName}'");
    }

    public void Dispose() => Device.Free(ref handle, this, XrtNative.xrtKernelClose);
}
