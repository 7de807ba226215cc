using Accel.Runtime.Devices;

namespace Accel.Runtime.Emulator;

/// <summary>
/// Makes <c>Device.Open("emu")</c> work. Registration is explicit (the CLI and tests call it) rather than a
/// module initializer, because a module initializer runs only once something else has loaded this assembly,
/// which a program that only calls Device.Open never does.
/// </summary>
public static class EmulatorBackend
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Device.RegisterBackend(EmulatorDevice.Scheme, EmulatorDevice.Open);
        return true;
    });

    /// <summary>Registers the "emu" scheme; calling it again does nothing.</summary>
    public static void Register() => _ = Registered.Value;
}
