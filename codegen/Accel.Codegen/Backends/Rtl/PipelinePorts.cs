using Accel.Codegen.Ir;

namespace Accel.Codegen.Backends.Rtl;

/// <summary>Port accesses in a pipelined loop's last stage: a read takes the next word of the port's response
/// queue (the requests went out at stage 0, in the same order), a write is a write request counted until the
/// memory acknowledges it. One access per port and iteration: the interface carries one word per cycle.</summary>
internal sealed class ExecPorts(VerilogPrinter printer, RtlRejections rejections, int loopLine) : IPortAccess
{
    private readonly Dictionary<string, int> writes = new();

    public string Read(Variable port, string index, IrType element, int line)
    {
        var t = printer.Temp(element);
        printer.Emit($"{t} = {RtlNames.Queue(port)}_front;");
        printer.Emit($"{RtlNames.QueueHead(port)} = {RtlNames.QueueHead(port)} + 1'b1;");
        return t;
    }

    public void Write(Variable port, string index, string value, int line)
    {
        if ((writes[port.Name] = writes.GetValueOrDefault(port.Name) + 1) > 1)
            rejections.Report(loopLine, $"more than one write of port {port.Name} per iteration of a pipelined loop");
        printer.Emit($"{port.Name}_wr_valid = 1'b1;");
        printer.Emit($"{port.Name}_wr_addr = {index};");
        printer.Emit($"{port.Name}_wr_data = {value};");
        printer.Emit($"{RtlNames.Pending(port)} = {RtlNames.Pending(port)} + 1'b1;");
    }
}

/// <summary>Port reads at a pipelined loop's stage 0: a read request, and one more word the iteration will
/// take from the response queue at its last stage (the count travels down the pipeline with the iteration).</summary>
internal sealed class IssuePorts(VerilogPrinter printer, RtlRejections rejections, string pipeline, int loopLine) : IPortAccess
{
    private readonly Dictionary<string, int> reads = new();

    public IEnumerable<string> ReadPorts => reads.Keys.Order(StringComparer.Ordinal);

    public string Read(Variable port, string index, IrType element, int line)
    {
        if ((reads[port.Name] = reads.GetValueOrDefault(port.Name) + 1) > 1)
            rejections.Report(loopLine, $"more than one read of port {port.Name} per iteration of a pipelined loop");
        printer.Emit($"{port.Name}_rd_valid = 1'b1;");
        printer.Emit($"{port.Name}_rd_addr = {index};");
        printer.Emit($"{RtlNames.NewCount(pipeline, port)} = {RtlNames.NewCount(pipeline, port)} + 1'b1;");
        return printer.Temp(element); // never used: the request side computes only addresses and conditions
    }

    public void Write(Variable port, string index, string value, int line) { } // writes happen at the last stage
}

/// <summary>Register names shared by the module builder and the port accesses.</summary>
internal static class RtlNames
{
    /// <summary>Address bits of a port's response queue: room for every word requested and not yet taken, at most
    /// one per cycle for Depth cycles (plus the cycle the data waits to be written).</summary>
    public static int QueueBits(int deepestPipeline) => Math.Max(2, (int)Math.Ceiling(Math.Log2(deepestPipeline + 4)));

    public static string Queue(Variable port) => $"q_{port.Name}";
    public static string QueueHead(Variable port) => $"q_{port.Name}_head";
    public static string QueueTail(Variable port) => $"q_{port.Name}_tail";
    public static string Pending(Variable port) => $"{port.Name}_pending";
    public static string NewCount(string pipeline, Variable port) => $"{pipeline}_{port.Name}_rc_new";
    public static string Counts(string pipeline, Variable port) => $"{pipeline}_{port.Name}_rc";
}
