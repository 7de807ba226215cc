using Accel.Codegen.Ir;

namespace Accel.Codegen.Backends.Rtl;

/// <summary>What a port access becomes where it is printed: in a pipelined loop's last stage a read pops the
/// port's response queue and a write is a write request; on the request side a read is a read request. Outside
/// pipelined loops there is none, and a port access is reported.</summary>
internal interface IPortAccess
{
    string Read(Variable port, string index, IrType element, int line);
    void Write(Variable port, string index, string value, int line);
    string ReadStream(StreamTarget stream, IrType element, int line);
    void WriteStream(StreamTarget stream, string value, int line);
}

/// <summary>Prints IR as the procedural body of one clocked always block: every IR value is a register
/// assigned with a blocking assignment, so a chain of them is combinational logic inside the cycle and only
/// values read before they are written in a later cycle become flip-flops (Yosys removes the others). Registers
/// are sized and signed like the C# types, so wrap-around, sign extension and truncation follow C#.</summary>
internal sealed partial class VerilogPrinter(IrKernel kernel, RtlRejections rejections)
{
    private readonly Dictionary<string, IrFunction> functions = kernel.Functions.ToDictionary(f => f.Name);
    private readonly List<string> declarations = new();
    private readonly HashSet<string> declared = new();
    private List<string> lines = new();
    private int indent = 2;
    private int temps;
    private int inlined;

    public VerilogScope Scope { get; set; } = new("v_");
    public IPortAccess? Ports { get; set; }

    /// <summary>Whether the code being printed is a pipelined loop body (its inner loops are unrolled there).</summary>
    public bool InPipeline { get; set; }

    /// <summary>Loop ids the schedule leaves as loops (pipelined or sequential): they cannot be unrolled in place.</summary>
    public Func<int, bool> IsTimedLoop { get; init; } = _ => false;

    public IReadOnlyList<string> Declarations => declarations;

    public int Line { get; set; }

    public void Emit(string line) => lines.Add(new string(' ', indent * 2) + line);

    public void EmitLines(IEnumerable<string> printed) => lines.AddRange(printed);

    public void Open(string line) { Emit(line); indent++; }

    /// <summary>One level deeper without a line of its own (after `end else begin`).</summary>
    public void Indent() => indent++;

    public void Close(string line = "end") { indent--; Emit(line); }

    /// <summary>Prints into a fresh list of lines at the given depth and returns them (for case items).</summary>
    public List<string> Capture(int depth, Action body)
    {
        var (savedLines, savedIndent) = (lines, indent);
        (lines, indent) = (new List<string>(), depth);
        try { body(); return lines; }
        finally { (lines, indent) = (savedLines, savedIndent); }
    }

    /// <summary>Prints into a fresh list of lines <paramref name="deeper"/> levels below the current one.</summary>
    public List<string> CaptureNested(int deeper, Action body) => Capture(indent + deeper, body);

    public void Declare(string name, string declaration)
    {
        if (declared.Add(name)) declarations.Add(declaration);
    }

    public static string Width(IrType type) => type switch
    {
        BoolType => "",
        IntType { Signed: true } i => $"signed [{i.Bits - 1}:0] ",
        IntType i => $"[{i.Bits - 1}:0] ",
        _ => throw new InternalCompilerException($"no register width for {type}"),
    };

    /// <summary>A register for a value of this type.</summary>
    public string Register(string name, IrType type)
    {
        if (type is not (IntType or BoolType))
        {
            rejections.Report(Line, $"a value of type {type}");
            type = IrType.Int32;
        }
        Declare(name, $"reg {Width(type)}{name};");
        return name;
    }

    public string Temp(IrType type) => Register($"t{temps++}", type);

    public string NextInlinePrefix(string function) => $"f{inlined++}_{function}_";

    /// <summary>The register of a scalar variable in the current scope (declared on first use).</summary>
    public string Name(Variable v)
    {
        if (Scope.TryName(v.Name, out var name)) return name;
        name = Scope.Prefix + v.Name;
        Scope.Bind(v.Name, name);
        return Register(name, v.Type);
    }

    public static string Constant(IrType type, long value) => type switch
    {
        BoolType => value != 0 ? "1'b1" : "1'b0",
        IntType i => $"{i.Bits}'{(i.Signed ? "s" : "")}h{(i.Bits == 64 ? (ulong)value : (ulong)value & ((1UL << i.Bits) - 1)):X}",
        _ => throw new InternalCompilerException($"no constant of type {type}"),
    };
}
