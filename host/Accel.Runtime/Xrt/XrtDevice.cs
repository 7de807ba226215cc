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

    private readonly List<XrtRun> runs = [];
    private readonly List<IXrtBuffer> buffers = [];
    private readonly List<XrtKernel> kernels = [];
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
            var open = runs.Count + buffers.Count + kernels.Count;
            if (open > 0)
                throw new InvalidOperationException(
                    $"{Name}: cannot load {xclbinPath} while {kernels.Count} kernel(s), {buffers.Count} buffer(s) and {runs.Count} run(s) " +
                    "of the current design are open; dispose them first");
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
            var definition = design.FindKernel(name) ?? throw new DeviceArgumentException(
                $"design '{design.Name}' has no kernel '{name}'; its kernels are " +
                (design.Kernels.Count == 0 ? "none" : string.Join(", ", design.Kernels.Select(k => k.Name))), nameof(name));
            ArgumentRules.RequireNoStreams(definition, Name);
            var uuid = design.Uuid.ToByteArray(bigEndian: true);
            nint kernelHandle;
            fixed (byte* p = uuid)
                kernelHandle = XrtNative.xrtPLKernelOpen(Handle, p, name);
            if (kernelHandle == 0)
                throw XrtErrors.CallFailed($"opening kernel '{name}' on {Name}");
            var kernel = new XrtKernel(this, kernelHandle, definition);
            kernels.Add(kernel);
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
            buffers.Add(buffer);
            return buffer;
        }
    }

    internal void Adopt(XrtRun run)
    {
        lock (Gate)
            runs.Add(run);
    }

    /// <summary>Called by an owned object, under <see cref="Gate"/>, when it has freed itself.</summary>
    internal void Forget(object owned)
    {
        switch (owned)
        {
            case XrtRun run: runs.Remove(run); break;
            case IXrtBuffer buffer: buffers.Remove(buffer); break;
            case XrtKernel kernel: kernels.Remove(kernel); break;
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (handle == 0)
                return;
            // Order matters to XRT: runs reference kernels and buffers; buffers must go before the device.
            foreach (var run in runs.ToList()) run.Dispose();
            foreach (var buffer in buffers.ToList()) buffer.Dispose();
            foreach (var kernel in kernels.ToList()) kernel.Dispose();
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
