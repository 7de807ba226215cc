namespace Accel.Runtime.Devices;

/// <summary>
/// The runs, buffers and kernels a device has handed out and not yet seen disposed. The device frees them before
/// itself, runs first, then buffers, then kernels: runs reference both, and XRT 2.13 needs every buffer gone
/// before its device. A new design is refused while any is open, since they belong to the loaded one. Not
/// thread-safe: the device calls it under its own lock.
/// </summary>
public sealed class OwnedObjects<TRun, TBuffer, TKernel>
    where TRun : IDisposable where TBuffer : IDisposable where TKernel : IDisposable
{
    private readonly List<IDisposable> runs = [];
    private readonly List<IDisposable> buffers = [];
    private readonly List<IDisposable> kernels = [];

    public void Add(IDisposable owned) => ListOf(owned).Add(owned);

    /// <summary>Called (under the device's lock) by an owned object when it is disposed.</summary>
    public void Forget(IDisposable owned) => ListOf(owned).Remove(owned);

    public void RefuseLoadWhileOpen(string device, string what)
    {
        if (runs.Count + buffers.Count + kernels.Count > 0)
            throw new InvalidOperationException(
                $"{device}: cannot load {what} while {kernels.Count} kernel(s), {buffers.Count} buffer(s) and {runs.Count} run(s) " +
                "of the current design are open; dispose them first");
    }

    public void DisposeAll()
    {
        foreach (var list in new[] { runs, buffers, kernels })
            foreach (var owned in list.ToList())
                owned.Dispose();
    }

    private List<IDisposable> ListOf(IDisposable owned) => owned switch
    {
        TRun => runs,
        TBuffer => buffers,
        TKernel => kernels,
        _ => throw new ArgumentException($"a {owned.GetType().Name} is not a run, buffer or kernel of this device", nameof(owned)),
    };
}
