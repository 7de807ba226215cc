namespace Accel.Runtime.Devices;

/// <summary>The device API refused what it was given: an unknown device or kernel, an argument of the wrong kind,
/// a buffer in a bank the argument is not connected to. Callers that catch <see cref="ArgumentException"/>
/// still catch it; the CLI reports it as bad input rather than as a bug.</summary>
public sealed class DeviceArgumentException(string message, string? paramName = null) : ArgumentException(message, paramName);
