using System.Collections.Concurrent;
using Accel.Runtime.Xrt;

namespace Accel.Runtime.Devices;

/// <summary>
/// Opens devices by name: "xrt:N" (or "xrt") is XRT device N; other backends, such as the emulator's
/// "emu", register themselves with <see cref="RegisterBackend"/> because this assembly cannot
/// reference them.
/// </summary>
public static class Device
{
    private static readonly ConcurrentDictionary<string, Func<string?, IDevice>> Backends = new()
    {
        ["xrt"] = XrtDevice.Open,
    };

    /// <summary>Adds a backend for names "<paramref name="scheme"/>" and "<paramref name="scheme"/>:argument".</summary>
    public static void RegisterBackend(string scheme, Func<string?, IDevice> open)
    {
        if (string.IsNullOrEmpty(scheme) || scheme.Contains(':'))
            throw new DeviceArgumentException($"a backend scheme is a non-empty name without ':'; found '{scheme}'", nameof(scheme));
        if (!Backends.TryAdd(scheme, open))
            throw new InvalidOperationException($"a backend named '{scheme}' is already registered");
    }

    /// <summary>The registered backends' schemes ("emu", "xrt", ...): the part of a device name before ':'.</summary>
    public static IReadOnlyCollection<string> Schemes => Backends.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Opens a device, e.g. <c>Device.Open("xrt:0")</c>.</summary>
    public static IDevice Open(string name)
    {
        var colon = name.IndexOf(':');
        var scheme = colon < 0 ? name : name[..colon];
        var argument = colon < 0 ? null : name[(colon + 1)..];
        if (!Backends.TryGetValue(scheme, out var open))
            throw new DeviceArgumentException(
                $"no device backend '{scheme}' for device '{name}'; registered: {string.Join(", ", Backends.Keys.Order())} " +
                "(a backend in another assembly, such as the emulator's, registers itself when loaded)", nameof(name));
        return open(argument);
    }
}
