namespace Accel.Testbenches;

/// <summary>An external tool (g++, verilator, yosys) is not installed: the message says how to install it (exit 2).</summary>
public sealed class ToolMissingException(string tool, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Tool { get; } = tool;
}
