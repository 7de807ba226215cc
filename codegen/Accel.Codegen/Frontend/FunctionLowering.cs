using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

/// <summary>Lowers one method of a kernel class. Unsupported constructs are reported where they stand and
/// lowering goes on, so one run lists every problem.</summary>
internal sealed partial class FunctionLowering(LoweringContext context, IMethodSymbol method, bool isTop)
{
    private readonly Dictionary<ISymbol, Variable> variables = new(SymbolEqualityComparer.Default);
    private string sourceFile = "";

    public IrFunction? Lower()
    {
        // A generic method's body is its definition's; the types it names are read through typeArguments.
        var definition = method.OriginalDefinition;
        var syntax = definition.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as MethodDeclarationSyntax;
        if (syntax is null)
            throw new InternalCompilerException($"method {method.Name} has no declaration in source");
        sourceFile = syntax.SyntaxTree.FilePath;
        var model = context.Compilation.GetSemanticModel(syntax.SyntaxTree);

        if (method.IsAsync || syntax.Modifiers.Any(m => m.Text == "async")) context.Report(DiagnosticIds.Async, syntax.Identifier.Parent!);
        if (syntax.Modifiers.Any(m => m.Text == "unsafe")) context.Report(DiagnosticIds.Unsafe, syntax);
        if (method.IsVirtual || method.IsAbstract || method.IsOverride) context.Report(DiagnosticIds.VirtualCall, syntax);
        CheckName(method.Name, syntax);
        if (method.IsGenericMethod && (isTop || !ConstraintsSupported(syntax)))
        {
            if (isTop) context.Report(DiagnosticIds.Generic, (SyntaxNode?)syntax.TypeParameterList ?? syntax, "a generic [Top] function: the top function's types are its ports'; make it non-generic");
            return null;
        }

        CollectNames(syntax);
        var parameters = definition.Parameters.SelectMany(p => LowerParameter(p, syntax)).ToList();
        var returnType = definition.ReturnsVoid ? IrType.Void : TypeOf(definition.ReturnType, syntax) ?? IrType.Void;

        if (model.GetOperation(syntax) is not IMethodBodyOperation body)
            throw new InternalCompilerException($"no operation tree for {method.Name}");
        var block = body.BlockBody is { } b
            ? LowerBlock(b, allowLeadingDirectives: true)
            : new BlockStmt(Locations.Line(syntax), [LowerExpressionBody(body.ExpressionBody!)]);
        return new IrFunction(LoweringContext.FunctionName(method, context.Kernel.Symbol), returnType, parameters, block, sourceFile, Locations.Line(syntax), isTop, syntax.SpanStart)
        {
            TypeArguments = method.TypeArguments.Select(Generics.KeywordName).ToList(),
        };
    }

    private IrStmt LowerExpressionBody(IBlockOperation expressionBody) =>
        expressionBody.Operations.Single() switch
        {
            IReturnOperation r => new ReturnStmt(Line(r), r.ReturnedValue is null ? null : LowerValue(r.ReturnedValue)),
            var other => LowerStatement(other) ?? new BlockStmt(Line(other), []),
        };

    /// <summary>A parameter's IR parameters: one, or one per field of a struct (or struct array) parameter.</summary>
    private IEnumerable<Variable> LowerParameter(IParameterSymbol p, SyntaxNode method)
    {
        var where = p.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() ?? method;
        CheckName(p.Name, where);
        if (p.RefKind != RefKind.None)
        {
            context.Report(DiagnosticIds.ReferenceParameter, where, p.Name);
            return [];
        }
        if (Structs.IsUserStruct(p.Type)) return LowerStructParameter(p, p.Type, isArray: false, where);
        if (p.Type is IArrayTypeSymbol { Rank: 1, ElementType: var structElement } && Structs.IsUserStruct(structElement))
            return LowerStructParameter(p, structElement, isArray: true, where);
        return LowerScalarParameter(p, where) is { } variable ? [variable] : [];
    }

    private Variable? LowerScalarParameter(IParameterSymbol p, SyntaxNode where)
    {
        if (!InterfaceOf(p, where, out var mode, out var attribute)) return null;
        if (JaggedArrays.Is(p.Type)) return JaggedParameter(p, where);
        if (p.Type is IArrayTypeSymbol array)
        {
            var element = ScalarTypeOf(array.ElementType, where);
            if (element is null) return null;
            if (!isTop) return ArrayParameter(p, element, where);
            if (element is ApType && array.Rank > 1) return ApMultiDimensionalPort(p, where);
            if (mode == InterfaceMode.ApMemory && array.Rank > 1)
            {
                context.Report(DiagnosticIds.UnsupportedType, where, $"the multi-dimensional ap_memory port {p.Name} (declare it one-dimensional and index it row-major, or make it an m_axi port)");
                return null;
            }
            if (mode == InterfaceMode.ApMemory)
                return Declare(p, new Variable(p.Name, new ArrayParamType(element), VariableKind.ArrayParam) { Interface = mode, Declared = Spot(where) });
            if (attribute is null)
            {
                context.Report(DiagnosticIds.BadPort, where, p.Name);
                return null;
            }
            if (mode != InterfaceMode.Default) return MisplacedInterface(p, attribute, "an array");
            var binding = PortBindingOf(attribute) with { Source = Spot(attribute.ApplicationSyntaxReference?.GetSyntax() ?? where) };
            var shape = array.Rank > 1 ? PortShape(p, array, element, where) : null;
            if (array.Rank > 1 && shape is null) return null;
            return Declare(p, new Variable(p.Name, new PortType(element) { Shape = shape }, VariableKind.Port) { Port = binding });
        }
        var type = TypeOf(p.Type, where);
        if (type is null) return null;
        if (type is StreamType && isTop)
        {
            if (mode == InterfaceMode.Axis) return Declare(p, new Variable(p.Name, type, VariableKind.Stream) { Interface = mode, Declared = Spot(where) });
            if (attribute is not null) return MisplacedInterface(p, attribute, "a stream");
            context.Report(DiagnosticIds.UnsupportedType, where, "a stream argument of the top function without [Axis]: mark it [Axis] for an AXI4-Stream port, or use an m_axi array");
            return null;
        }
        if (attribute is not null && mode is not (InterfaceMode.ApVld or InterfaceMode.ApNone))
            return MisplacedInterface(p, attribute, "a scalar");
        return Declare(p, new Variable(p.Name, type, type is StreamType ? VariableKind.Stream : VariableKind.Scalar) { Interface = mode, Declared = mode != InterfaceMode.Default ? Spot(where) : SourceSpot.None });
    }

    /// <summary>An array parameter of a kernel function; a multi-dimensional one takes the shape its calls pass.</summary>
    private Variable? ArrayParameter(IParameterSymbol p, IrType element, SyntaxNode where)
    {
        var type = new ArrayParamType(element);
        if (JaggedArrays.IsMultiDimensional(p.Type))
        {
            if (context.ArrayParameterShapes.Of(method, p.Ordinal) is not { } shape)
            {
                // Every call passes one, or was reported for what it passes.
                if (!context.Diagnostics.HasErrors) throw new InternalCompilerException($"no shape for the parameter {p.Name} of {method.Name}");
                return null;
            }
            type = type with { Shape = shape };
        }
        return Declare(p, new Variable(p.Name, type, VariableKind.ArrayParam));
    }

    /// <summary>A multi-dimensional port's shape: the dimensions of the array the kernel's [Stimulus] gives it, as
    /// Vitis's `T a[R][C]` top argument has fixed dimensions; null, reported, when the stimulus gives no array of
    /// that rank.</summary>
    private ArrayType? PortShape(IParameterSymbol p, IArrayTypeSymbol array, IrType element, SyntaxNode where)
    {
        if (array.Rank > 3)
        {
            context.Report(DiagnosticIds.UnsupportedType, where, $"the {array.Rank}-dimensional port {p.Name} (ports have at most three dimensions: index a lower-dimensional port row-major)");
            return null;
        }
        var dims = context.Activator.StimulusShape(p.Name);
        if (dims is null || dims.Count != array.Rank)
        {
            string example = $"new {array.ElementType.ToDisplayString()}[{string.Join(", ", Enumerable.Range(0, array.Rank).Select(d => $"d{d}"))}]";
            context.Report(DiagnosticIds.UnsupportedType, where, $"the multi-dimensional port {p.Name} without an array of its rank in the [Stimulus], which gives the port its dimensions: s.Array(\"{p.Name}\", {example})");
            return null;
        }
        long length = dims.Aggregate(1L, (total, d) => total * d);
        return new ArrayType(element, new ConstExpr(IrType.Int64, length), length)
        {
            Dims = dims.Select(d => (IrExpr)new ConstExpr(IrType.Int32, d)).ToList(),
            DimValues = dims,
        };
    }

    private static PortBinding PortBindingOf(AttributeData maxi)
    {
        int Named(string name, int fallback) => maxi.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is int v ? v : fallback;
        var args = maxi.ConstructorArguments;
        return new PortBinding((string)args[0].Value!, args.Length > 1 ? (string)args[1].Value! : "HBM[0]",
            Named("WidthBits", 512), Named("MaxBurst", 16), Named("MaxOutstanding", 16), Named("LatencyCycles", 64));
    }

    private Variable Declare(ISymbol symbol, Variable variable)
    {
        variables[symbol] = variable;
        return variable;
    }

    private void CheckName(string name, SyntaxNode where)
    {
        if (CppNames.IsReserved(name)) context.Report(DiagnosticIds.CppKeyword, where, $"'{name}'");
    }

    /// <summary>Types a value can have; arrays and streams are handled where they are declared.</summary>
    private IrType? TypeOf(ITypeSymbol type, SyntaxNode where)
    {
        if (type is INamedTypeSymbol { Name: "Stream", Arity: 1 } stream && stream.ContainingNamespace.ToDisplayString() == "Accel.Hw")
            return ScalarTypeOf(stream.TypeArguments[0], where) is { } element ? new StreamType(element) : null;
        if (type is IArrayTypeSymbol array)
            return ScalarTypeOf(array.ElementType, where) is { } element ? new ArrayParamType(element) : null;
        return ScalarTypeOf(type, where);
    }

    private IrType? ScalarTypeOf(ITypeSymbol type, SyntaxNode where)
    {
        if (type is ITypeParameterSymbol parameter)
        {
            if (typeArguments.TryGetValue(parameter, out var argument)) return ScalarTypeOf(argument, where);
            context.Report(DiagnosticIds.Generic, where, $"the type parameter {parameter.Name} of {parameter.ContainingSymbol.Name}");
            return null;
        }
        if (Structs.Scalar(type) is { } result) return result;
        if (ApTypes.IsTyped(type) || ApTypes.IsIntermediate(type)) return ApTypeOf(type, where);
        if (Structs.IsUserStruct(type))
        {
            // A struct outside the subset is reported at its declaration; one in it is not a value here.
            if (context.Struct(type) is not null)
                context.Report(DiagnosticIds.StructConstruct, where, $"{type.Name} here: a struct may be a local, the element of a local array or of a one-dimensional [MAxi] port, or an argument of a kernel function (not a return value, a stream element, a field, or the element of another kind of port)");
            return null;
        }
        var entry = type switch
        {
            { SpecialType: SpecialType.System_String } => DiagnosticIds.Strings,
            IPointerTypeSymbol or IFunctionPointerTypeSymbol => DiagnosticIds.Unsafe,
            IDynamicTypeSymbol => DiagnosticIds.Dynamic,
            { TypeKind: TypeKind.Delegate } => DiagnosticIds.Lambda,
            { Name: "Task" or "ValueTask" } => DiagnosticIds.Async,
            { TypeKind: TypeKind.Interface } => DiagnosticIds.VirtualCall,
            INamedTypeSymbol named when context.IsKernelClass(named) => DiagnosticIds.ForeignInstanceCall,
            _ when type.ToDisplayString().StartsWith("System.Collections", StringComparison.Ordinal) => DiagnosticIds.Collections,
            _ => DiagnosticIds.UnsupportedType,
        };
        context.Report(entry, where, type.ToDisplayString());
        return null;
    }

    private int Line(IOperation operation) => Locations.Line(operation.Syntax);
}
