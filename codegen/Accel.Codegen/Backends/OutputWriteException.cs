namespace Accel.Codegen.Backends;

/// <summary>An output could not be written (a folder that is not ours, no permission, a full disk): the path and
/// the reason are named, and nothing was left half-written (exit 2).</summary>
public sealed class OutputWriteException(string message, Exception? inner = null) : Exception(message, inner);
