using Accel.Emulation;

namespace Accel.Emulation.Kernels;

/// <summary>An [Axis] port as the emulator times it: a FIFO between the kernel and an outside process that offers (an
/// input) or takes (an output) one word a cycle, the most an AXI4-Stream port moves, and waits when the kernel does
/// not keep up (TREADY low: backpressure). The FIFO is the port's register slice, which Vitis puts on every axis port
/// by default: two words.</summary>
internal static class AxisPorts
{
    public const int RegisterSliceDepth = 2;

    public static string FifoName(string port) => $"{port} (axis)";

    public static string ProcessName(string port) => $"axis {port}";

    /// <summary>The outside end: a pipelined loop of II 1 and depth 1 with one FIFO operation per word.</summary>
    public static TraceRecorder Trace(int fifo, int words, bool feedsKernel)
    {
        var recorder = new TraceRecorder();
        recorder.BeginPipelinedLoop(1, 1);
        for (int w = 0; w < words; w++)
        {
            recorder.StartIteration();
            if (feedsKernel) recorder.WriteFifo(fifo);
            else recorder.ReadFifo(fifo);
        }
        recorder.EndLoop();
        return recorder;
    }
}
