using Accel.Codegen.Ir;
using Accel.Hw;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

internal sealed partial class FunctionLowering
{
    private IrExpr? LowerInvocation(IInvocationOperation invocation, bool statementRoot)
    {
        var target = Substitute(invocation.TargetMethod);
        if (IsReportedVariable(invocation.Instance)) return null;
        if (Structs.IsUserStruct(target.ContainingType))
        {
            // Its methods are reported at their declarations with the struct (one report per root cause).
            if (context.Struct(target.ContainingType) is not null) context.Report(DiagnosticIds.StructConstruct, invocation.Syntax, $"calling {target.ContainingType.Name}.{target.Name}: write it as a method of the kernel class taking the struct as an argument");
            return null;
        }
        if (ApTypes.IsTyped(target.ContainingType) || ApTypes.IsIntermediate(target.ContainingType)) return ApFromRaw(invocation, target);
        // A generic function that cannot be specialised is the root cause: nothing of its types is reported again.
        if (IsKernelFunction(target) && !CanSpecialise(invocation, target)) return null;
        var arguments = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToList();
        var returnType = target.ReturnsVoid ? IrType.Void : ScalarTypeOf(target.ReturnType, invocation.Syntax) ?? IrType.Int32;

        if (IntrinsicTable.Find(target) is { } intrinsic)
        {
            var args = new List<IrExpr>();
            if (invocation.Instance is not null) args.Add(LowerValue(invocation.Instance));
            args.AddRange(arguments.Select(a => LowerValue(a)));
            var call = new IntrinsicExpr(returnType, intrinsic, args);
            context.CallSites[call] = Site(invocation);
            return intrinsic == Intrinsic.StreamRead && !statementRoot ? HoistRead(call, invocation) : call;
        }
        if (IsNumericsCall(target))
            return NumericsCall(invocation, target, arguments, returnType);
        if (invocation.Instance?.Type is ITypeParameterSymbol)
        {
            context.Report(DiagnosticIds.Generic, invocation.Syntax, $"{target.Name} called on a value of type {invocation.Instance.Type.Name}: use its operators instead (a < b for CompareTo, a == b for Equals)");
            return null;
        }
        if (target.MethodKind == MethodKind.LocalFunction) return null;   // reported at its declaration, in this body
        if (context.IsKernelClass(target.ContainingType))
        {
            if (target.IsVirtual || target.IsAbstract || target.IsOverride) { context.Report(DiagnosticIds.VirtualCall, invocation.Syntax, target.Name); return null; }
            if (invocation.Instance is not (null or IInstanceReferenceOperation)) { context.Report(DiagnosticIds.ForeignInstanceCall, invocation.Syntax, target.Name); return null; }
            if (KernelInfo.Has(target, "TopAttribute")) { context.Report(DiagnosticIds.Recursion, invocation.Syntax, $"{target.Name} calls the top function"); return null; }
            return CallFunction(invocation, target, returnType, arguments);
        }
        if (target.IsStatic && KernelInfo.Has(target.ContainingType, "KernelLibraryAttribute"))
            return CallFunction(invocation, target, returnType, arguments);
        var containing = target.ContainingType.ToDisplayString();
        if (containing == "System.Linq.Enumerable" || containing.StartsWith("System.Linq", StringComparison.Ordinal))
            context.Report(DiagnosticIds.Linq, invocation.Syntax);
        else if (target.IsVirtual || target.IsAbstract || target.ContainingType.TypeKind == TypeKind.Interface)
            context.Report(DiagnosticIds.VirtualCall, invocation.Syntax, $"{containing}.{target.Name}");
        else if (containing == "Accel.Hw.Hls")
            context.Report(DiagnosticIds.MisplacedDirective, invocation.Syntax);
        else
            context.Report(DiagnosticIds.LibraryCall, invocation.Syntax, $"{containing}.{target.Name}");
        return null;
    }

    private CallExpr? CallFunction(IInvocationOperation invocation, IMethodSymbol target, IrType returnType, List<IOperation> arguments)
    {
        var name = LoweringContext.FunctionName(target, context.Kernel.Symbol);
        if (!context.ClaimName(name, target))
        {
            context.Report(DiagnosticIds.FunctionNameTaken, invocation.Syntax, name);
            return null;
        }
        // Enqueued before its arguments are lowered, so functions are printed in the order their calls are met.
        context.EnqueueFunction(target);
        var loweredArguments = arguments.SelectMany(LowerArgument).ToList();
        if (!AgreeArrayShapes(invocation, target, arguments, loweredArguments)) return null;
        var call = new CallExpr(returnType, name, loweredArguments);
        context.CallSites[call] = Site(invocation);
        return call;
    }

    /// <summary>Each multi-dimensional array argument gives its parameter the shape it declares (the callee is lowered
    /// after this function, and reads it); a second shape for one parameter is reported.</summary>
    private bool AgreeArrayShapes(IInvocationOperation invocation, IMethodSymbol target, List<IOperation> arguments, List<IrExpr> lowered)
    {
        if (!target.Parameters.Any(p => JaggedArrays.IsMultiDimensional(p.Type))) return true;
        if (lowered.Count != arguments.Count) return false; // a struct argument next to it failed (reported)
        bool ok = true;
        foreach (var p in target.Parameters.Where(p => JaggedArrays.IsMultiDimensional(p.Type)))
        {
            if (ArrayParameterShapes.ShapeOf(lowered[p.Ordinal].Type) is not { } shape)
            {
                if (!ReferenceEquals(lowered[p.Ordinal], Poison))
                    context.Report(DiagnosticIds.UnsupportedType, arguments[p.Ordinal].Syntax, $"{arguments[p.Ordinal].Syntax} as the multi-dimensional array {p.Name} (pass a local array)");
                ok = false;
            }
            else if (!context.ArrayParameterShapes.Agree(target, p.Ordinal, shape, out var known))
            {
                context.Report(DiagnosticIds.ArrayShapeMismatch, arguments[p.Ordinal].Syntax, $"{target.Name}'s {p.Name} is given {ArrayParameterShapes.Text(shape)} here and {ArrayParameterShapes.Text(known)} by an earlier call");
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>A method that lowers to a function of the kernel: the kernel class's own, or a [KernelLibrary] one.</summary>
    private bool IsKernelFunction(IMethodSymbol method) =>
        context.IsKernelClass(method.ContainingType) || method.IsStatic && KernelInfo.Has(method.ContainingType.OriginalDefinition, "KernelLibraryAttribute");

    /// <summary>An argument's IR arguments: a struct passes each field, a struct array each field array.</summary>
    private IEnumerable<IrExpr> LowerArgument(IOperation argument)
    {
        if (Structs.IsUserStruct(argument.Type)) return LowerStruct(argument) ?? [];
        if (argument.Type is IArrayTypeSymbol { ElementType: var element } && Structs.IsUserStruct(element))
            return ShapeOf(element) is null ? [] : LowerStructArray(argument) ?? [];
        return [LowerValue(argument)];
    }

    private (string, int, int) Site(IOperation op)
    {
        var span = op.Syntax.GetLocation().GetLineSpan();
        return (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    /// <summary>Recognises an Hls.* call statement. Returns true when the statement is a directive; the
    /// directive is null when its arguments were wrong (already reported).</summary>
    private bool TryLowerDirective(IOperation op, out DirectiveStmt? directive)
    {
        directive = null;
        if (op is not IExpressionStatementOperation { Operation: IInvocationOperation invocation }
            || invocation.TargetMethod.ContainingType.ToDisplayString() != "Accel.Hw.Hls")
            return false;
        var args = invocation.Arguments.OrderBy(a => a.Parameter!.Ordinal).Select(a => a.Value).ToList();
        long? Arg(int i) => ConstantEvaluator.Evaluate(context, args[i])?.Value;
        bool AllConstant(int from) => Enumerable.Range(from, args.Count - from).All(i => Arg(i) is not null);
        bool constant = invocation.TargetMethod.Name switch
        {
            "ArrayPartition" or "ArrayReshape" => AllConstant(1),
            "Dependence" => Arg(1) is not null, // the distance may follow the configuration through the arguments
            "Allocation" => Arg(1) is not null, // the function is a method group
            _ => AllConstant(0),
        };
        if (!constant)
        {
            context.Report(DiagnosticIds.NonConstantDirective, invocation.Syntax);
            return true;
        }
        string? why = null;
        Directive? result = invocation.TargetMethod.Name switch
        {
            "Pipeline" => Arg(0) >= 1 ? new PipelineDirective((int)Arg(0)!) : Why($"II must be at least 1 (it is {Arg(0)})"),
            "Unroll" => Arg(0) >= 0 ? new UnrollDirective((int)Arg(0)!) : Why($"the factor must be 0 (complete) or more (it is {Arg(0)})"),
            "Dataflow" => new DataflowDirective(),
            "Inline" => new InlineDirective(Arg(0) != 0),
            "LoopTripCount" => Arg(0) >= 0 && Arg(1) >= Arg(0) ? new LoopTripCountDirective((int)Arg(0)!, (int)Arg(1)!) : Why($"0 <= min <= max is needed (min {Arg(0)}, max {Arg(1)})"),
            "ArrayPartition" => Partition(args, Arg, reshape: false, out why),
            "ArrayReshape" => Partition(args, Arg, reshape: true, out why),
            "Dependence" => Dependence(args, Arg, out why),
            "Allocation" => Allocation(args, Arg, out why),
            _ => Why("not a directive this version knows"),
        };
        if (result is null)
        {
            if (why is null) return true; // about an array whose declaration was reported
            context.Report(DiagnosticIds.DirectiveArgument, invocation.Syntax, $"Hls.{invocation.TargetMethod.Name}: {why}");
            return true;
        }
        directive = new DirectiveStmt(Line(op), result);
        return true;

        Directive? Why(string reason)
        {
            why = reason;
            return null;
        }
    }

    /// <summary>The directives a call on a struct array gives its field arrays after the first (see LowerStatements).</summary>
    private readonly List<Directive> fieldDirectives = [];

    private Directive? Dependence(List<IOperation> args, Func<int, long?> arg, out string? why)
    {
        why = null;
        var array = args[0] is IConversionOperation c ? c.Operand : args[0];
        var arrays = DirectiveArrays(array);
        if (arrays is not { Count: > 0 } || arrays[0] is not { Type: ArrayType or ArrayParamType } variable)
        {
            why = $"'{array.Syntax}' is not an on-chip array of this function (a local array or an array parameter)";
            return null;
        }
        if (arg(2) is < 0)
        {
            why = $"the distance must be 0 (not stated) or more (it is {arg(2)})";
            return null;
        }
        var (file, line, column) = Site(args[2]);
        var first = new DependenceDirective(variable, arg(1) != 0)
        {
            Distance = (int)(arg(2) ?? 0),
            DistanceExpression = arg(2) is null ? LowerValue(args[2]) : null,
            Source = new SourceSpot(file, line, column),
        };
        fieldDirectives.AddRange(arrays.Skip(1).Select(a => first with { Array = a }));
        return first;
    }

    private Directive? Allocation(List<IOperation> args, Func<int, long?> arg, out string? why)
    {
        why = null;
        var function = args[0];
        while (function is IConversionOperation c) function = c.Operand;
        if (function is not IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: var method } }
            || !IsKernelFunction(method))
        {
            why = $"'{args[0].Syntax}' is not a method of the kernel or of a [KernelLibrary] class (name it as a method group: Hls.Allocation(Mac, 1))";
            return null;
        }
        if (arg(1) is not >= 1)
        {
            why = $"the limit must be at least 1 (it is {arg(1)})";
            return null;
        }
        return new AllocationDirective(LoweringContext.FunctionName(method, context.Kernel.Symbol), (int)arg(1)!);
    }

    /// <summary>Hls.ArrayPartition or Hls.ArrayReshape of an on-chip array (each field array of a struct array), or
    /// Hls.ArrayPartition of a [LookupTable].</summary>
    private Directive? Partition(List<IOperation> args, Func<int, long?> arg, bool reshape, out string? why)
    {
        why = null;
        var array = args[0] is IConversionOperation c ? c.Operand : args[0];
        if (IsReportedVariable(array)) return null; // its declaration was reported: nothing more to say about it
        var (kind, factor, dim) = ((PartitionKind)arg(1)!, (int)arg(2)!, (int)arg(3)!);
        var table = array is IFieldReferenceOperation field && LowerValue(field) is TableRefExpr t ? t.Table : null;
        var arrays = table is null && array is ILocalReferenceOperation ? DirectiveArrays(array) : null;
        var variable = arrays is { Count: > 0 } && arrays[0] is { Type: ArrayType } first ? first : null;
        int rank = variable?.Type is ArrayType a ? a.Rank : 1;
        why = table is null && variable is null ? $"'{array.Syntax}' is not an on-chip array declared in this function or a [LookupTable] field (ports are laid out by their interface)"
            : table is not null && reshape ? $"the lookup table '{table.Name}' can be partitioned (Hls.ArrayPartition), not reshaped"
            : kind != PartitionKind.Complete && factor < 1 ? $"a {kind.ToString().ToLowerInvariant()} partition needs a factor of at least 1 (it is {factor})"
            : dim < 0 || dim > rank ? $"dim must be 0 (every dimension) to {rank} for '{table?.Name ?? variable!.Name}' (it is {dim})"
            : null;
        if (why is not null) return null;
        if (table is not null) return new TablePartitionDirective(table, kind, factor);
        fieldDirectives.AddRange(arrays!.Skip(1).Select(f => new ArrayPartitionDirective(f, kind, factor, dim) { Reshape = reshape }));
        return new ArrayPartitionDirective(variable!, kind, factor, dim) { Reshape = reshape };
    }
}
