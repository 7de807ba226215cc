using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;
using Accel.Codegen.Reference;

namespace Accel.Codegen.Frontend;

/// <summary>What the lowering of one kernel shares across its functions.</summary>
internal sealed class LoweringContext
{
    private readonly Queue<IMethodSymbol> pending = new();
    private readonly HashSet<IMethodSymbol> seen = new(SymbolEqualityComparer.Default);
    private readonly List<KernelConstant> usedConstants = new();
    private readonly List<LookupTable> usedTables = new();
    private int nextLoopId;

    public LoweringContext(Compilation compilation, KernelInfo kernel, KernelConfig config, KernelActivator activator)
    {
        Compilation = compilation;
        Kernel = kernel;
        Activator = activator;
        Params = kernel.Parameters.Select(p => new KernelParam(p.Name, p.ClrType == typeof(long) ? IrType.Int64 : p.ClrType == typeof(bool) ? IrType.Bool : IrType.Int32, config.Values[p.Name])).ToList();
    }

    public Compilation Compilation { get; }
    public KernelInfo Kernel { get; }
    public KernelActivator Activator { get; }
    public DiagnosticBag Diagnostics { get; } = new();
    public IReadOnlyList<KernelParam> Params { get; }
    public IReadOnlyList<KernelConstant> UsedConstants => usedConstants;
    public IReadOnlyList<LookupTable> UsedTables => usedTables;

    /// <summary>Where each call was written, so whole-kernel checks can point at it.</summary>
    public Dictionary<IrExpr, (string File, int Line, int Column)> CallSites { get; } = new(ReferenceEqualityComparer.Instance);

    public ArrayParameterShapes ArrayParameterShapes { get; } = new();

    public int NextLoopId() => nextLoopId++;

    private readonly List<(SyntaxTree Tree, Microsoft.CodeAnalysis.Text.TextSpan Span)> reported = new();

    /// <summary>Reports a problem at a node, unless one was already reported around it: one report per
    /// root cause, no follow-on errors from inside the construct already reported.</summary>
    public void Report(DiagnosticIds.Entry entry, SyntaxNode node, string? detail = null)
    {
        if (reported.Any(r => r.Tree == node.SyntaxTree && r.Span.Contains(node.Span))) return;
        // A whole method reported (virtual, async) says nothing about the statements inside it.
        if (node is not Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax) reported.Add((node.SyntaxTree, node.Span));
        Diagnostics.Add(Locations.At(entry, node, detail));
    }

    public void EnqueueFunction(IMethodSymbol method)
    {
        if (seen.Add(method)) pending.Enqueue(method);
    }

    private readonly Dictionary<string, IMethodSymbol> names = new();

    /// <summary>Takes a C++ function name for a method; false when another method already has it (an overload,
    /// or a method named like a specialisation: Max_int beside Max&lt;int&gt;).</summary>
    public bool ClaimName(string name, IMethodSymbol method)
    {
        if (names.TryGetValue(name, out var other)) return SymbolEqualityComparer.Default.Equals(other, method);
        names[name] = method;
        return true;
    }

    public IMethodSymbol? NextFunction() => pending.TryDequeue(out var m) ? m : null;

    public KernelParam? ParamFor(IParameterSymbol symbol) =>
        symbol.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor
        && SymbolEqualityComparer.Default.Equals(ctor.ContainingType, Kernel.Symbol)
            ? Params.FirstOrDefault(p => p.Name == symbol.Name)
            : null;

    public KernelConstant Constant(IFieldSymbol field)
    {
        var type = field.Type.SpecialType switch
        {
            SpecialType.System_Int64 => IrType.Int64,
            SpecialType.System_UInt32 => new IntType(32, false),
            SpecialType.System_UInt64 => new IntType(64, false),
            SpecialType.System_Boolean => IrType.Bool,
            _ => (IrType)IrType.Int32,
        };
        var existing = usedConstants.FirstOrDefault(c => c.Name == field.Name);
        if (existing is not null) return existing;
        var constant = new KernelConstant(field.Name, type, Convert.ToInt64(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture));
        usedConstants.Add(constant);
        return constant;
    }

    public LookupTable Table(IFieldSymbol field, IrType element)
    {
        var existing = usedTables.FirstOrDefault(t => t.Name == field.Name);
        if (existing is not null) return existing;
        var values = Activator.TableValue(field.Name);
        var bits = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
            bits[i] = element is ApType ? Hw.ApBits.Raw(values.GetValue(i)!) : Convert.ToInt64(values.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        var table = new LookupTable(field.Name, element, bits);
        usedTables.Add(table);
        return table;
    }

    /// <summary>The C++ name of a function: a kernel's own methods keep their names, library functions are
    /// prefixed with their class so two libraries cannot collide. A generic method is one function per list of
    /// type arguments, suffixed with their C# names (Max&lt;int&gt; is Max_int, Vec.Scale&lt;long&gt; Vec_Scale_long).</summary>
    public static string FunctionName(IMethodSymbol method, INamedTypeSymbol kernel)
    {
        var name = SymbolEqualityComparer.Default.Equals(method.ContainingType, kernel) ? method.Name : $"{method.ContainingType.Name}_{method.Name}";
        return method.IsGenericMethod ? string.Join("_", [name, .. method.TypeArguments.Select(Generics.KeywordName)]) : name;
    }

    private readonly Dictionary<ITypeSymbol, StructShape?> structs = new(SymbolEqualityComparer.Default);

    /// <summary>A struct's fields, checked once (its problems reported at their declarations the first time it is
    /// used); null when the struct is outside the subset.</summary>
    public StructShape? Struct(ITypeSymbol type)
    {
        var definition = (INamedTypeSymbol)type.OriginalDefinition;
        if (!structs.TryGetValue(definition, out var shape)) structs[definition] = shape = Structs.Check(this, definition);
        return shape;
    }

    private readonly Dictionary<ITypeSymbol, AggregateType> aggregates = new(SymbolEqualityComparer.Default);

    /// <summary>The element type of a port of this struct, one per struct (<see cref="AggregateLayout"/>).</summary>
    public AggregateType Aggregate(StructShape shape)
    {
        if (aggregates.TryGetValue(shape.Symbol, out var aggregate)) return aggregate;
        var (offsets, natural, bytes) = AggregateLayout.Of(shape.Fields.Select(f => IrTypes.ByteSize(f.Type)).ToList());
        return aggregates[shape.Symbol] = new AggregateType(shape.Symbol.Name,
            shape.Fields.Select((f, k) => new AggregateField(f.Name, f.Type, offsets[k])).ToList(), natural, bytes);
    }

    public bool IsKernelClass(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Kernel.Symbol);
}
