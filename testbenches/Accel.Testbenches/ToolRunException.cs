namespace Accel.Testbenches;

/// <summary>An external tool (g++, verilator, yosys) ran and did not succeed: it failed on the design, or did not
/// finish within its time limit. The run's check failed (exit 1); Accel itself did not.</summary>
public sealed class ToolRunException(string message) : Exception(message);
