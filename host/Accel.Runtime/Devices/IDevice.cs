using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Devices;

/// <summary>
/// An accelerator that runs designs: a card through XRT (<c>xrt:0</c>) or the emulator (<c>emu</c>).
/// Open one with <see cref="Device.Open"/>. Disposing the device disposes, in order, its runs, buffers
/// and kernels, then the device itself (XRT 2.13 crashes at exit if buffers outlive their device).
/// </summary>
/// <remarks>
/// Thread safety: <see cref="Load"/>, <see cref="OpenKernel"/> and buffer allocation may be called from
/// several threads. Dispose the device only once no other thread is using it or its objects.
/// </remarks>
public interface IDevice : IDisposable
{
    /// <summary>The name it was opened with, e.g. "xrt:0".</summary>
    string Name { get; }

    /// <summary>The loaded design, or null before <see cref="Load"/>.</summary>
    XclbinDesign? Design { get; }

    /// <summary>
    /// Loads a design. The file is read and checked by Accel's xclbin reader first. Loading again is
    /// refused while kernels, buffers or runs of the current design are open.
    /// </summary>
    void Load(string xclbinPath);

    /// <summary>Opens a kernel of the loaded design by name (all its compute units, shared with other processes).</summary>
    IKernel OpenKernel(string name);
}
