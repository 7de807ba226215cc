namespace Accel.Codegen;

/// <summary>A bug in Accel itself, never a problem in the user's kernel (those are diagnostics).</summary>
public sealed class InternalCompilerException(string message) : Exception($"internal error in the Accel transpiler: {message}");
