using Accel.Codegen.Ir;

namespace Accel.Codegen.Backends.Rtl;

/// <summary>How many accesses of each port an iteration of some pipelined loop makes, at most: each access site
/// of an iteration has its own slot of the port (slot n for the n-th site in program order), so an unrolled
/// copy loop moves several words per cycle as the emulator's wide beats do.</summary>
internal sealed class PortSlots
{
    private readonly Dictionary<string, int> reads = new(), writes = new();

    public int Reads(string port) => reads.GetValueOrDefault(port);
    public int Writes(string port) => writes.GetValueOrDefault(port);

    public void Read(string port, int slots) => reads[port] = Math.Max(Reads(port), slots);
    public void Write(string port, int slots) => writes[port] = Math.Max(Writes(port), slots);

    /// <summary>The suffix of slot n's signals: none for slot 0, so a one-slot port keeps its plain names.</summary>
    public static string Suffix(int slot) => slot == 0 ? "" : $"_{slot}";

    /// <summary>One more access site of the port in this iteration (counted in <paramref name="sites"/>): a request
    /// (valid and address, direction "rd" or "wr") on the site's slot. Returns the site, 1 for the first.</summary>
    public static int Request(VerilogPrinter printer, Dictionary<string, int> sites, Variable port, string direction, string index)
    {
        int site = sites[port.Name] = sites.GetValueOrDefault(port.Name) + 1;
        var slot = Suffix(site - 1);
        printer.Emit($"{port.Name}_{direction}_valid{slot} = 1'b1;");
        printer.Emit($"{port.Name}_{direction}_addr{slot} = {index};");
        return site;
    }
}

/// <summary>Port accesses in a pipelined loop's last stage: a read takes the next word of the port's response
/// queue (the requests went out at stage 0, in the same order), a write is a write request on the site's slot,
/// counted until the memory acknowledges it.</summary>
internal sealed class ExecPorts(VerilogPrinter printer, PortSlots slots, string pipeline, int depth) : IPortAccess
{
    private readonly Dictionary<string, int> reads = new(), writes = new();
    private readonly List<(StreamTarget Stream, int Count)> streamReads = new(), streamWrites = new();

    /// <summary>The FIFOs an iteration reads, each with how many words (every read site runs once per iteration).</summary>
    public IReadOnlyList<(StreamTarget Stream, int Count)> StreamReads => streamReads;

    /// <summary>The FIFOs an iteration writes, each with how many words.</summary>
    public IReadOnlyList<(StreamTarget Stream, int Count)> StreamWrites => streamWrites;

    /// <summary>A FIFO read: the word popped at stage 0 for this site, carried down the pipeline with its iteration.</summary>
    public string ReadStream(StreamTarget stream, IrType element, int line)
    {
        int site = Count(streamReads, stream);
        var carried = RtlNames.Carried(pipeline, stream, site);
        printer.Declare(carried, $"reg [{stream.Bits * (depth - 1) - 1}:0] {carried};");
        printer.Declare(carried + "_new", $"reg [{stream.Bits - 1}:0] {carried}_new;");
        var t = printer.Temp(element);
        printer.Emit($"{t} = {carried}[{stream.Bits * (depth - 1) - 1}:{stream.Bits * (depth - 2)}];");
        return t;
    }

    /// <summary>A FIFO write at the last stage: into the tail slot, visible to the reader from the next cycle.</summary>
    public void WriteStream(StreamTarget stream, string value, int line)
    {
        Count(streamWrites, stream);
        printer.Emit($"{RtlNames.Stream(stream)}[{RtlNames.StreamTail(stream)}] <= {value};");
        printer.Emit($"{RtlNames.StreamTail(stream)} = {RtlNames.Next(stream, RtlNames.StreamTail(stream))};");
        printer.Emit($"{RtlNames.StreamPush(stream)} = {RtlNames.StreamPush(stream)} + 1'b1;");
    }

    /// <summary>Counts one more access of the stream and returns the ones before it (the site's number).</summary>
    private static int Count(List<(StreamTarget Stream, int Count)> accesses, StreamTarget stream)
    {
        int k = accesses.FindIndex(a => a.Stream.Name == stream.Name);
        if (k < 0) { accesses.Add((stream, 1)); return 0; }
        accesses[k] = (stream, accesses[k].Count + 1);
        return accesses[k].Count - 1;
    }

    public string Read(Variable port, string index, IrType element, int line)
    {
        // The n-th read site of an iteration takes its word from slot n's queue: the site asked on that slot at stage 0.
        int slot = reads[port.Name] = reads.GetValueOrDefault(port.Name) + 1;
        var t = printer.Temp(element);
        printer.Emit($"{t} = {RtlNames.Queue(port, slot - 1)}_front;");
        printer.Emit($"{RtlNames.QueueHead(port, slot - 1)} = {RtlNames.QueueHead(port, slot - 1)} + 1'b1;");
        return t;
    }

    public void Write(Variable port, string index, string value, int line)
    {
        int site = PortSlots.Request(printer, writes, port, "wr", index);
        slots.Write(port.Name, site);
        printer.Emit($"{port.Name}_wr_data{PortSlots.Suffix(site - 1)} = {value};");
        printer.Emit($"{RtlNames.Pending(port)} = {RtlNames.Pending(port)} + 1'b1;");
    }
}

/// <summary>Port reads at a pipelined loop's stage 0: a read request on the site's slot, and one more word the
/// iteration will take from the response queue at its last stage (the count travels down the pipeline with the
/// iteration).</summary>
internal sealed class IssuePorts(VerilogPrinter printer, PortSlots slots, string pipeline, RtlRejections rejections) : IPortAccess
{
    private readonly Dictionary<string, int> reads = new();

    public IEnumerable<string> ReadPorts => reads.Keys.Order(StringComparer.Ordinal);

    /// <summary>How many read sites (slots) an iteration has on this port.</summary>
    public int Sites(string port) => reads.GetValueOrDefault(port);

    public string Read(Variable port, string index, IrType element, int line)
    {
        int site = PortSlots.Request(printer, reads, port, "rd", index);
        slots.Read(port.Name, site);
        printer.Emit($"{RtlNames.Requested(pipeline, port, site - 1)}_new = 1'b1;");
        return printer.Temp(element); // never used: the request side computes only addresses and conditions
    }

    public void Write(Variable port, string index, string value, int line) { } // writes happen at the last stage

    public string ReadStream(StreamTarget stream, IrType element, int line)
    {
        rejections.Report(line, $"a port address or condition that depends on a read of stream {stream.Name}");
        return printer.Temp(element);
    }

    public void WriteStream(StreamTarget stream, string value, int line) { } // at the last stage
}

/// <summary>Register names shared by the module builder and the port accesses.</summary>
internal static class RtlNames
{
    /// <summary>Address bits of one slot's response queue: room for every word requested on the slot and not yet
    /// taken, at most one a cycle for Depth cycles (plus the cycle the data waits to be written).</summary>
    public static int QueueBits(int deepestPipeline) => Math.Max(2, (int)Math.Ceiling(Math.Log2(deepestPipeline + 4)));

    /// <summary>A read slot's response queue: one per slot, so each has one write and one read port (a memory
    /// Yosys maps to block RAM or LUT RAM, where one queue written by every slot could only be flip-flops).</summary>
    public static string Queue(Variable port, int slot) => $"q_{port.Name}{PortSlots.Suffix(slot)}";
    public static string QueueHead(Variable port, int slot) => $"{Queue(port, slot)}_head";
    public static string QueueTail(Variable port, int slot) => $"{Queue(port, slot)}_tail";

    /// <summary>Whether the iteration at each stage asked for a word on this slot (a bit per stage, shifted with valid).</summary>
    public static string Requested(string pipeline, Variable port, int slot) => $"{pipeline}_{port.Name}{PortSlots.Suffix(slot)}_rq";
    public static string Pending(Variable port) => $"{port.Name}_pending";

    public static string Stream(StreamTarget s) => $"s_{s.Name}";
    public static string StreamCount(StreamTarget s) => $"s_{s.Name}_count";
    public static string StreamHead(StreamTarget s) => $"s_{s.Name}_head";
    public static string StreamTail(StreamTarget s) => $"s_{s.Name}_tail";
    public static string StreamPush(StreamTarget s) => $"s_{s.Name}_push";
    public static string StreamPop(StreamTarget s) => $"s_{s.Name}_pop";

    /// <summary>A FIFO slot index moved on by one, wrapping at the FIFO's depth (any depth, not only powers of two).</summary>
    public static string Next(StreamTarget s, string index) => $"({index} == {s.Depth - 1}) ? 0 : {index} + 1'b1";

    /// <summary>Bits of a FIFO's occupancy and slot registers: room for the count Depth itself.</summary>
    public static int StreamCountBits(int depth) => Math.Max(1, (int)Math.Ceiling(Math.Log2(depth + 1)));

    /// <summary>The shift register that carries the word read at one FIFO read site down a pipeline.</summary>
    public static string Carried(string pipeline, StreamTarget s, int site) => $"{pipeline}_{s.Name}_c{site}";
}
