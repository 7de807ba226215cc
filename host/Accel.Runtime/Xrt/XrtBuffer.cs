using Accel.Runtime.Devices;

namespace Accel.Runtime.Xrt;

/// <summary>The device's view of its buffers, whatever their element type.</summary>
internal interface IXrtBuffer : IBuffer
{
    XrtDevice Device { get; }

    /// <summary>Device address, which is what a memory argument's register holds.</summary>
    ulong DeviceAddress { get; }
}

/// <summary>An XRT buffer object (xrtBufferHandle) in one memory bank.</summary>
internal sealed unsafe class XrtBuffer<T>(XrtDevice device, nint handle, int bank, int length) : IBuffer<T>, IXrtBuffer
    where T : unmanaged
{
    private nint handle = handle;
    private T* mapped;

    public XrtDevice Device { get; } = device;

    public int BankIndex { get; } = bank;

    public int Length { get; } = length;

    public long SizeBytes => (long)Length * sizeof(T);

    public Type ElementType => typeof(T);

    private nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle == 0, this);
            return handle;
        }
    }

    public ulong DeviceAddress => XrtNative.xrtBOAddress(Handle);

    public void Write(ReadOnlySpan<T> source, int offset = 0)
    {
        BufferRules.CheckRange(Length, offset, source.Length, "write");
        fixed (T* p = source)
            if (XrtNative.xrtBOWrite(Handle, p, (nuint)(source.Length * sizeof(T)), (nuint)((long)offset * sizeof(T))) != 0)
                throw XrtErrors.CallFailed($"writing {source.Length} element(s) to a buffer in bank {BankIndex}");
    }

    public void Read(Span<T> destination, int offset = 0)
    {
        BufferRules.CheckRange(Length, offset, destination.Length, "read");
        fixed (T* p = destination)
            if (XrtNative.xrtBORead(Handle, p, (nuint)(destination.Length * sizeof(T)), (nuint)((long)offset * sizeof(T))) != 0)
                throw XrtErrors.CallFailed($"reading {destination.Length} element(s) from a buffer in bank {BankIndex}");
    }

    public Span<T> Map()
    {
        if (mapped == null)
        {
            mapped = (T*)XrtNative.xrtBOMap(Handle);
            if (mapped == null)
                throw XrtErrors.CallFailed($"mapping a buffer in bank {BankIndex}");
        }
        return new Span<T>(mapped, Length);
    }

    public void SyncToDevice() => Sync(XrtNative.SyncToDevice, "to the device");

    public void SyncFromDevice() => Sync(XrtNative.SyncFromDevice, "from the device");

    private void Sync(int direction, string what)
    {
        if (XrtNative.xrtBOSync(Handle, direction, (nuint)SizeBytes, 0) != 0)
            throw XrtErrors.CallFailed($"syncing a buffer of {SizeBytes} bytes in bank {BankIndex} {what}");
    }

    public void Dispose()
    {
        if (Device.Free(ref handle, this, XrtNative.xrtBOFree))
            mapped = null;
    }
}
