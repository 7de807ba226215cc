using System.Runtime.CompilerServices;
using Accel.Runtime.Devices;

namespace Accel.Runtime.Emulator;

/// <summary>What a run needs of a buffer whatever its element type.</summary>
internal interface IEmulatorBuffer : IBuffer
{
    EmulatorDevice Device { get; }

    /// <summary>A copy of the device contents for a run to work on (the run must not see later host writes).</summary>
    Array SnapshotDevice();

    /// <summary>Stores what a completed run wrote as the new device contents.</summary>
    void ReceiveFromRun(Array contents);
}

/// <summary>
/// A buffer in emulated device memory: a host copy (Write, Read, Map) and a device copy (what runs read and
/// write), moved across by the syncs, so a host program that forgets a sync sees the same stale data it would
/// on a card.
/// </summary>
internal sealed class EmulatorBuffer<T>(EmulatorDevice device, int bank, int length) : IBuffer<T>, IEmulatorBuffer where T : unmanaged
{
    private readonly Lock deviceGate = new();   // a run completing on its own thread writes the device copy
    private T[] host = new T[length];
    private T[] onDevice = new T[length];
    private bool disposed;

    public EmulatorDevice Device { get; } = device;

    public int BankIndex { get; } = bank;

    public int Length { get; } = length;

    public long SizeBytes => (long)Length * Unsafe.SizeOf<T>();

    public Type ElementType => typeof(T);

    public void Write(ReadOnlySpan<T> source, int offset = 0)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        BufferRules.CheckRange(Length, offset, source.Length, "write");
        source.CopyTo(host.AsSpan(offset));
    }

    public void Read(Span<T> destination, int offset = 0)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        BufferRules.CheckRange(Length, offset, destination.Length, "read");
        host.AsSpan(offset, destination.Length).CopyTo(destination);
    }

    public Span<T> Map()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return host;
    }

    public void SyncToDevice()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        lock (deviceGate)
            host.CopyTo(onDevice, 0);
    }

    public void SyncFromDevice()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        lock (deviceGate)
            onDevice.CopyTo(host, 0);
    }

    public Array SnapshotDevice()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        lock (deviceGate)
            return (T[])onDevice.Clone();
    }

    public void ReceiveFromRun(Array contents)
    {
        lock (deviceGate)
            if (!disposed)
                ((T[])contents).CopyTo(onDevice, 0);
    }

    public void Dispose()
    {
        lock (Device.Gate)
        {
            if (disposed)
                return;
            lock (deviceGate)
            {
                disposed = true;
                host = onDevice = [];
            }
            Device.Forget(this);
        }
    }
}
