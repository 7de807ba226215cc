namespace Accel.Emulation;

/// <summary>A trace that breaks the trace rules; the message names the process, the op index and what was expected.</summary>
public sealed class TraceFormatException : Exception
{
    public TraceFormatException(string process, int opIndex, string message)
        : base($"trace of process '{process}', op {opIndex}: {message}")
    {
        Process = process;
        OpIndex = opIndex;
    }

    public string Process { get; }

    public int OpIndex { get; }
}
