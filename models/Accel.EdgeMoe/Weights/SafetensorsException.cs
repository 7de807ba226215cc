namespace Accel.EdgeMoe.Weights;

/// <summary>A weight file that cannot be used: unreadable, malformed, or missing or mis-shaping a tensor.
/// The message names the file and, where there is one, the tensor.</summary>
public sealed class SafetensorsException(string message) : Exception(message);
