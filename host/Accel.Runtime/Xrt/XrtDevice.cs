using System.Globalization;
using Accel.Runtime.Devices;
using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Xrt;

/// <summary>
/// An XRT device. It owns every kernel, buffer and run opened through it and frees them (runs, then
/// buffers, then kernels) before closing itself, because XRT 2.13 crashes the process at exit when a
/// buffer outlives its device. Devices still open when the process exits are closed the same way.
/// </summary>
internal sealed unsafe class XrtDevice : IDevice
{
    private static readonly Lock OpenDevicesGate = new();
    private static readonly List<XrtDevice> OpenDevices = [];

    private readonly OwnedObjects<XrtRun, IXrtBuffer, XrtKernel> owned = new();
    private nint handle;
    private XclbinFile? loaded;

    static XrtDevice() => AppDomain.CurrentDomain.ProcessExit += (_, _) => CloseAll();

    private XrtDevice(string name, nint handle)
    {
        Name = name;
        this.handle = handle;
    }

    /// <summary>Guards the handle and the lists of owned objects; owned objects free themselves under it.</summary>
    internal Lock Gate { get; } = new();

    public string Name { get; }

    public XclbinDesign? Design => loaded?.Design;

    internal nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle == 0, this);
            return handle;
        }
    }

    /// <summary>Opens "xrt" or "xrt:N": the Nth device XRT sees.</summary>
    public static IDevice Open(string? argument)
    {
        var name = $"xrt:{argument ?? "0"}";
        if (!uint.TryParse(argument ?? "0", NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            throw new DeviceArgumentException($"device '{name}': expected xrt:N with N a device index (0, 1, ...)", nameof(argument));
        XrtLibrary.EnsureReady();
        var handle = XrtNative.xrtDeviceOpen(index);
        if (handle == 0)
            throw XrtErrors.CallFailed($"opening device {index}");
        var device = new XrtDevice(name, handle);
        lock (OpenDevicesGate)
            OpenDevices.Add(device);
        return device;
    }

    public void Load(string xclbinPath)
    {
        var file = XclbinReader.Read(xclbinPath);
        lock (Gate)
        {
            owned.RefuseLoadWhileOpen(Name, xclbinPath);
            if (XrtNative.xrtDeviceLoadXclbinFile(Handle, Path.GetFullPath(xclbinPath)) != 0)
                throw XrtErrors.CallFailed($"loading {xclbinPath} on {Name}");
            var uuid = new byte[16];
            fixed (byte* p = uuid)
                if (XrtNative.xrtDeviceGetXclbinUUID(handle, p) != 0)
                    throw XrtErrors.CallFailed($"reading the loaded design's UUID on {Name}");
            var reported = new Guid(uuid, bigEndian: true);
            if (reported != file.Design.Uuid)
                throw new InvalidOperationException(
                    $"{Name}: XRT reports design {reported} loaded, but {xclbinPath} is design {file.Design.Uuid}");
            loaded = file;
        }
    }

    public IKernel OpenKernel(string name)
    {
        lock (Gate)
        {
            var design = loaded?.Design ?? throw new InvalidOperationException($"{Name}: load an xclbin before opening kernels");
            var definition = design.KernelToOpen(name);
            ArgumentRules.RequireNoStreams(definition, Name);
            var uuid = design.Uuid.ToByteArray(bigEndian: true);
            nint kernelHandle;
            fixed (byte* p = uuid)
                kernelHandle = XrtNative.xrtPLKernelOpen(Handle, p, name);
            if (kernelHandle == 0)
                throw XrtErrors.CallFailed($"opening kernel '{name}' on {Name}");
            var kernel = new XrtKernel(this, kernelHandle, definition);
            owned.Add(kernel);
            return kernel;
        }
    }

    internal XrtBuffer<T> Allocate<T>(int bank, int length, string purpose) where T : unmanaged
    {
        lock (Gate)
        {
            var bytes = (long)length * sizeof(T);
            var bufferHandle = XrtNative.xrtBOAlloc(Handle, (nuint)bytes, flags: 0, (uint)bank);
            if (bufferHandle == 0)
                throw XrtErrors.CallFailed($"allocating {bytes} bytes in bank {bank} for {purpose} on {Name}");
            var buffer = new XrtBuffer<T>(this, bufferHandle, bank, length);
            owned.Add(buffer);
            return buffer;
        }
    }

    internal void Adopt(XrtRun run)
    {
        lock (Gate)
            owned.Add(run);
    }

    /// <summary>Frees an owned object's XRT handle once (disposing again does nothing) and forgets the object.</summary>
    internal bool Free(ref nint handle, IDisposable owner, Func<nint, int> close)
    {
        lock (Gate)
        {
            if (handle == 0)
                return false;
            close(handle);
            handle = 0;
            owned.Forget(owner);
            return true;
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (handle == 0)
                return;
            owned.DisposeAll();
            XrtNative.xrtDeviceClose(handle);
            handle = 0;
        }
        lock (OpenDevicesGate)
            OpenDevices.Remove(this);
    }

    private static void CloseAll()
    {
        List<XrtDevice> open;
        lock (OpenDevicesGate)
            open = [.. OpenDevices];
        foreach (var device in open)
            device.Dispose();
    }
}
