using Accel.Codegen.Frontend;
using Accel.Runtime.Devices;
using Accel.Runtime.Emulator.Designs;
using Accel.Runtime.Xclbin;
using Accel.Kernels.Catalog;

namespace Accel.Runtime.Emulator;

/// <summary>
/// The emulator as a device ("emu"). A design is loaded from an xclbin Accel wrote (its name says which kernel
/// and configuration) or straight from a <see cref="KernelDesign"/>; either way the device knows the same
/// xclbin metadata the XRT backend would, and applies the same argument and buffer rules. Buffers are host
/// arrays with a separate "device" copy, so syncs are real copies; a run emulates the kernel on a thread of
/// its own and copies the written arguments back into their buffers' device copies when it completes.
/// </summary>
public sealed class EmulatorDevice : IDevice
{
    public const string Scheme = "emu";

    private readonly OwnedObjects<EmulatorRun, IEmulatorBuffer, EmulatorKernel> owned = new();
    private bool disposed;

    private EmulatorDevice() { }

    /// <summary>Guards the design and the lists of owned objects.</summary>
    internal Lock Gate { get; } = new();

    public string Name => Scheme;

    public XclbinDesign? Design { get; private set; }

    /// <summary>The loaded kernel design, or null before a load.</summary>
    public KernelDesign? KernelDesign { get; private set; }

    /// <summary>Opens "emu". The board and clock come from the design loaded later, so the name takes no argument.</summary>
    public static IDevice Open(string? argument) =>
        argument is null
            ? new EmulatorDevice()
            : throw new DeviceArgumentException($"device 'emu:{argument}': the emulator is opened as 'emu'; its board and clock come from the loaded design",
                nameof(argument));

    /// <summary>Loads an xclbin Accel wrote for a built-in kernel.</summary>
    public void Load(string xclbinPath) => Load(xclbinPath, KernelCatalog.BuiltIn);

    /// <summary>Loads an xclbin Accel wrote for a kernel of <paramref name="project"/> (e.g. compiled from --source files).</summary>
    public void Load(string xclbinPath, KernelProject project)
    {
        var file = XclbinReader.Read(xclbinPath);
        Install(XclbinRecognition.Recognize(file, project), file.Design, xclbinPath);
    }

    /// <summary>Loads a kernel design directly, with the metadata its xclbin would carry.</summary>
    public void Load(KernelDesign design) => Install(design, KernelXclbin.Describe(design), design.Name);

    private void Install(KernelDesign design, XclbinDesign metadata, string what)
    {
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            owned.RefuseLoadWhileOpen(Name, what);
            KernelDesign = design;
            Design = metadata;
        }
    }

    public IKernel OpenKernel(string name)
    {
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var design = Design ?? throw new InvalidOperationException($"{Name}: load an xclbin (or a kernel design) before opening kernels");
            var definition = design.KernelToOpen(name);
            var kernel = new EmulatorKernel(this, definition, KernelDesign!);
            owned.Add(kernel);
            return kernel;
        }
    }

    /// <summary>Takes a buffer or run made outside the device's lock into its keeping.</summary>
    internal void Adopt(IDisposable made)
    {
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            owned.Add(made);
        }
    }

    /// <summary>Called by an owned object, under <see cref="Gate"/>, when it is disposed.</summary>
    internal void Forget(IDisposable freed) => owned.Forget(freed);

    /// <summary>Disposes runs, buffers and kernels (as the XRT device does). A run still emulating finishes on its own thread, unobserved.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (disposed)
                return;
            owned.DisposeAll();
            disposed = true;
        }
    }
}
