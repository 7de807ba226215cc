using System.Runtime.CompilerServices;
using Accel.Runtime.Devices;
using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Xrt;

/// <summary>An XRT run (xrtRunHandle). Arguments are written with xrtRunSetArgV; a buffer argument is its device address.</summary>
internal sealed unsafe class XrtRun(XrtKernel kernel, nint handle) : IRun
{
    private readonly bool[] argumentSet = new bool[kernel.Definition.Arguments.Count];
    private nint handle = handle;
    private bool started;

    public IKernel Kernel => kernel;

    private XclbinKernel Definition => kernel.Definition;

    private nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle == 0, this);
            return handle;
        }
    }

    public void SetArgument<T>(string argumentName, T value) where T : unmanaged
    {
        var argument = ArgumentRules.Resolve(Definition, argumentName);
        ArgumentRules.CheckScalar<T>(Definition, argument);
        SetRaw(argument, &value, Unsafe.SizeOf<T>());
    }

    public void SetArgument(string argumentName, IBuffer buffer)
    {
        var argument = ArgumentRules.Resolve(Definition, argumentName);
        if (buffer is not IXrtBuffer xrtBuffer || xrtBuffer.Device != kernel.Device)
            throw new DeviceArgumentException(
                $"kernel '{Definition.Name}' argument '{argument.Name}': the buffer belongs to another device; allocate it on {kernel.Device.Name}",
                nameof(buffer));
        ArgumentRules.CheckBuffer(Definition, argument, buffer);
        var address = xrtBuffer.DeviceAddress;
        SetRaw(argument, &address, sizeof(ulong));
    }

    private void SetRaw(KernelArgument argument, void* value, int bytes)
    {
        if (XrtNative.xrtRunSetArgV(Handle, argument.Index, value, (nuint)bytes) != 0)
            throw XrtErrors.CallFailed($"setting kernel '{Definition.Name}' argument '{argument.Name}'");
        argumentSet[argument.Index] = true;
    }

    public void Start()
    {
        var missing = Definition.Arguments.Where(a => ArgumentRules.HostSets(a) && !argumentSet[a.Index]).Select(a => a.Name).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"kernel '{Definition.Name}': set argument(s) {string.Join(", ", missing)} before starting");
        if (XrtNative.xrtRunStart(Handle) != 0)
            throw XrtErrors.CallFailed($"starting kernel '{Definition.Name}'");
        started = true;
    }

    public void Wait(TimeSpan timeout)
    {
        // XRT 2.13 (noop at least) waits forever on a run that was never started.
        if (!started)
            throw new InvalidOperationException($"kernel '{Definition.Name}': the run was never started, so there is nothing to wait for");
        var milliseconds = RunOutcome.TimeoutMilliseconds(timeout);
        var state = (RunState)(milliseconds is { } ms ? XrtNative.xrtRunWaitFor(Handle, ms) : XrtNative.xrtRunWait(Handle));
        RunOutcome.Check(Definition.Name, state, timeout, () => XrtErrors.DeviceErrors(kernel.Device.Handle));
    }

    public RunState State => (RunState)XrtNative.xrtRunState(Handle);

    public void Dispose() => kernel.Device.Free(ref handle, this, XrtNative.xrtRunClose);
}
