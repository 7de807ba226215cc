namespace Accel.Codegen;

/// <summary>Every diagnostic id in one table: the construct it names and what to write instead.</summary>
public static class DiagnosticIds
{
    public sealed record Entry(string Id, string Construct, string Hint)
    {
        public string Unsupported => $"{Construct} is not supported in a kernel; {Hint}";
    }

    public static readonly Entry CSharpError = new("ACCEL0001", "C# error", "fix the C# source first");
    public static readonly Entry NoKernel = new("ACCEL0002", "a kernel", "mark a class with [Kernel(\"name\")]");
    public static readonly Entry BadTop = new("ACCEL0003", "the top function", "mark exactly one public void method of the kernel class with [Top]");
    public static readonly Entry BadParameter = new("ACCEL0004", "a kernel parameter", "kernel parameters are int, long or bool primary-constructor parameters with defaults");
    public static readonly Entry NonConstantDirective = new("ACCEL0005", "a directive argument that is not a compile-time constant", "pass literals, consts or kernel parameters");
    public static readonly Entry MisplacedDirective = new("ACCEL0006", "a directive after other statements", "put Hls.* calls first in the loop or function body");
    public static readonly Entry BadPort = new("ACCEL0007", "an array parameter of the top function without [MAxi] or [ApMemory]", "add [MAxi(\"gmemN\", \"HBM[k]\")] to it for off-chip memory, or [ApMemory] for a block-RAM port (Vivado IP flow)");
    public static readonly Entry BadConfig = new("ACCEL0009", "a named configuration", "name it with letters, digits, '-', '_' and '.', and give each parameter a value in its [Range]");
    public static readonly Entry CppKeyword = new("ACCEL0008", "a name that is a C++ keyword", "rename it");

    public static readonly Entry Linq = new("ACCEL0010", "LINQ", "write an explicit for loop");
    public static readonly Entry Lambda = new("ACCEL0011", "a lambda, delegate or local function", "write a private method of the kernel class");
    public static readonly Entry RuntimeArray = new("ACCEL0012", "allocation of a runtime-sized array", "size on-chip arrays with literals, consts or kernel parameters");
    public static readonly Entry Recursion = new("ACCEL0013", "recursion", "rewrite it as a loop with a bounded trip count");
    public static readonly Entry VirtualCall = new("ACCEL0014", "a virtual or interface call", "call a non-virtual method of the kernel class");
    public static readonly Entry Exceptions = new("ACCEL0015", "throwing or catching exceptions", "return a status value or saturate");
    public static readonly Entry Strings = new("ACCEL0016", "a string", "hardware has no strings; use integer codes");
    public static readonly Entry Async = new("ACCEL0017", "async code", "use Hls.Dataflow() and Stream<T> for concurrency");
    public static readonly Entry Collections = new("ACCEL0018", "a collection or object allocation", "use a fixed-size array (new T[constant]) or a Stream<T>");
    public static readonly Entry ForEach = new("ACCEL0019", "foreach", "use a for loop with an index");
    public static readonly Entry Goto = new("ACCEL0020", "goto", "use structured loops with break or continue");
    public static readonly Entry Unsafe = new("ACCEL0021", "unsafe code and pointers", "use arrays and indices");
    public static readonly Entry Dynamic = new("ACCEL0022", "dynamic", "use a concrete integer type");
    public static readonly Entry StaticMutable = new("ACCEL0023", "a static mutable field", "use a const, a [LookupTable] field or a local");
    public static readonly Entry LibraryCall = new("ACCEL0024", "this library call", "use the Fx.* operations, Math.Abs/Min/Max, or a method of the kernel class");
    public static readonly Entry SideEffectInExpression = new("ACCEL0025", "an assignment or increment inside an expression", "make it a statement of its own");
    public static readonly Entry ImpureCallInExpression = new("ACCEL0026", "a call with side effects inside a larger expression where C++ would not keep C#'s order (a stream read in a loop header, a ?: branch or after && / ||; a kernel function that writes arrays or streams)", "assign its result to a local in a statement of its own first, then use the local");
    public static readonly Entry InstanceField = new("ACCEL0027", "an instance field other than a [LookupTable]", "keep state in locals or arrays of the top function");
    public static readonly Entry Switch = new("ACCEL0028", "this form of switch", "switch on an integer with constant case labels, each section ending in break, return or continue (no patterns, no when, no goto case)");
    public static readonly Entry Checked = new("ACCEL0029", "checked arithmetic", "saturate explicitly with Fx.Saturate");
    public static readonly Entry ReferenceParameter = new("ACCEL0030", "ref, out and in parameters", "return the value, or pass an array");
    public static readonly Entry Property = new("ACCEL0043", "a property", "use a field, a const or a method of the kernel class (array lengths: the size's constant or kernel parameter)");
    public static readonly Entry UnsupportedType = new("ACCEL0031", "this type", "use integer types (sbyte..ulong), bool, float, double, arrays of them or Stream<T>");
    public static readonly Entry Generic = new("ACCEL0044", "this generic construct", "write a generic method (of the kernel class or a [KernelLibrary] class, not a generic class) whose type parameters are constrained by System.Numerics interfaces (INumber<T>, IBinaryInteger<T>...), call it with sbyte..ulong, float, double or bool, and use only operators, T.Zero, T.One, T.MinValue, T.MaxValue and T.CreateTruncating on T");
    public static readonly Entry StructConstruct = new("ACCEL0045", "this use of a struct", "a kernel struct is a plain struct declared in the kernel's sources holding public fields of sbyte..ulong, bool, float or double and nothing else; use it as a local, as the element of a local array (new Pixel[n]) or of an m_axi port of the top ([MAxi] Pixel[] image), or as an argument of a kernel function, create it with default, new Pixel() or new Pixel { R = r, G = g }, and copy it with =");
    public static readonly Entry MissingBank = new("ACCEL0041", "a memory bank the board does not have", "bind the port to a bank the board has: u55c HBM[0..31], u280 HBM[0..31] or DDR[0..1], HOST[0] for host memory; ZCU102 ignores banks");
    public static readonly Entry DirectiveArgument = new("ACCEL0042", "a directive argument outside its range", "II >= 1, unroll factor >= 0 (0 = complete), partition or reshape factor >= 1 on an on-chip array declared in the same function, loop trip count 0 <= min <= max, dependence distance >= 0 and one number in the configuration, allocation limit >= 1 on a kernel or [KernelLibrary] method named as a method group");
    public static readonly Entry RtlUnsupported = new("ACCEL0040", "this construct", "the HLS back end (`accel gen`, `accel csim`) handles it; see the RTL subset in the README");
    public static readonly Entry Arbitrary = new("ACCEL0046", "this use of an arbitrary-precision type", "use Int<Wn>, UInt<Wn>, Fixed<Wn, Wi, Q, O> or UFixed<Wn, Wi, Q, O> with widths W1..W64 as locals, arrays, ports, top-function scalars, [LookupTable] elements, function arguments and results (FixedValue only as an operand: it has no stored shape); compute with + - * (exact, as ap_fixed), comparisons and shifts by an int; store a result into a typed local; convert from double only constants");
    public static readonly Entry ForeignInstanceCall = new("ACCEL0050", "calling a method on another kernel instance", "call the method on this instance, or make it a static [KernelLibrary] function");
    public static readonly Entry FunctionNameTaken = new("ACCEL0051", "a second function of one C++ name (an overload, or a method named like a generic method's specialisation, Max_int for Max<int>)", "give each method a name of its own");
    public static readonly Entry DoWhile = new("ACCEL0052", "do-while", "write a while loop, or a for loop with a bounded trip count");
    public static readonly Entry ArrayInitializer = new("ACCEL0053", "an array initializer", "fill the array in a loop, or make it a [LookupTable] field");
    public static readonly Entry WholeAssignment = new("ACCEL0054", "assigning a whole array, stream or kernel parameter", "copy an array element by element in a loop; a stream and a kernel parameter keep the value they were given");
    public static readonly Entry ArrayShapeMismatch = new("ACCEL0060", "calls passing arrays of different shapes to one multi-dimensional array parameter", "pass arrays of one shape, or write a function per shape: a C++ array parameter declares its dimensions");
    public static readonly Entry Jagged = new("ACCEL0061", "this jagged array", "declare T[][] x = new T[R][] and allocate every row with one constant length right after it (for (int r = 0; r < R; r++) x[r] = new T[C];), or list the rows (T[][] x = [new T[C], new T[C]]); then index x[r][c] and pass x whole to a T[][] parameter; or declare a T[R, C]");
    public static readonly Entry LookupTableWrite = new("ACCEL0055", "writing into a [LookupTable] field, whose values are fixed when the kernel is generated", "copy the table into a local array first and change the copy");
    public static readonly Entry InterfaceMismatch = new("ACCEL0056", "an interface attribute on a parameter it does not fit", "put [Axis] on a Stream<T> parameter of the [Top] method, [MAxi] or [ApMemory] on an array parameter of it, [ApVld] or [ApNone] on a scalar one; parameters of other functions take none");
    public static readonly Entry TwoInterfaces = new("ACCEL0057", "two interface attributes on one parameter", "keep one of [MAxi], [ApMemory], [Axis], [ApVld] and [ApNone]");
    public static readonly Entry AxisDirection = new("ACCEL0058", "an [Axis] stream that the kernel both reads and writes, or never uses", "an AXI4-Stream port has one direction: read an input stream, write a separate output stream");
    /// <summary>The catch-all: an operation no rule above names (the message gives its kind). The types with
    /// user-defined operators are the arbitrary-precision ones, lowered before that guard, or rejected as a type first.</summary>
    public static readonly Entry Other = new("ACCEL0099", "this construct", "rewrite it with the constructs of the kernel subset (README, \"The subset\"): integer and float locals, fixed-size arrays, for/while/if/switch, calls to kernel methods and [KernelLibrary] functions");
}
