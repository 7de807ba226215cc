namespace Accel.Emulation;

/// <summary>An internal consistency check of the engine failed: a bug in Accel.Emulation, not in the input.</summary>
public sealed class EmulatorInvariantException(string message) : Exception("emulator bug: " + message);
