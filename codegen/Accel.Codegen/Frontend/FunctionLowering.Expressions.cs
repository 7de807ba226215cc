using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

internal sealed partial class FunctionLowering
{
    private static readonly ConstExpr Poison = new(IrType.Int32, 0);

    /// <summary>Lowers a value. <paramref name="statementRoot"/> marks the whole right-hand side of an assignment
    /// or initializer, the only places a call with side effects may stand.</summary>
    private IrExpr LowerValue(IOperation op, bool statementRoot = false)
    {
        if (op.Type is IPointerTypeSymbol) { context.Report(DiagnosticIds.Unsafe, op.Syntax); return Poison; }
        if (op.Type?.SpecialType == SpecialType.System_String) { context.Report(DiagnosticIds.Strings, op.Syntax); return Poison; }
        switch (op)
        {
            case ILiteralOperation or IFieldReferenceOperation { Field.IsConst: true } or ILocalReferenceOperation { Local.IsConst: true }
                when !(op is IFieldReferenceOperation kf && context.IsKernelClass(kf.Field.ContainingType)):
                return Literal(op);
            case IFieldReferenceOperation { Field.IsConst: true } field:
                return new NamedConstExpr(context.Constant(field.Field));
            case IFieldReferenceOperation { Instance: { } instance } field when Structs.IsUserStruct(instance.Type):
                return ShapeOf(instance.Type) is { } shape ? StructFieldValue(field, shape) : Poison;
            case IFieldReferenceOperation field:
                return FieldValue(field);
            case ILocalReferenceOperation local:
                return variables.TryGetValue(local.Local, out var lv) ? Read(lv) : Unknown(op);
            case IParameterReferenceOperation parameter:
                if (context.ParamFor(parameter.Parameter) is { } param) return new ParamRefExpr(param);
                return variables.TryGetValue(parameter.Parameter, out var pv) ? Read(pv) : Unknown(op);
            case IConversionOperation conversion:
                return LowerConversion(conversion, statementRoot);
            case IArrayElementReferenceOperation element when JaggedArrays.IsRow(element.ArrayReference):
                return JaggedElement(element);
            case IArrayElementReferenceOperation element when JaggedArrays.IsRow(element):
                return JaggedRow(element, "used on its own (passed to a function, or as a value)");
            case IArrayElementReferenceOperation element:
            {
                var array = LowerValue(element.ArrayReference);
                var indices = element.Indices.Select(i => LowerValue(i)).ToList();
                if (IrTypes.ElementOf(array.Type) is null) return Poison;
                return ElementOf(array, indices, op);
            }
            case IBinaryOperation binary when ApTypes.IsApMember(binary.OperatorMethod):
                return ApBinary(binary);
            case IUnaryOperation unary when ApTypes.IsApMember(unary.OperatorMethod):
                return ApNegation(unary);
            case IPropertyReferenceOperation property when ApTypes.IsTyped(property.Property.ContainingType) || ApTypes.IsIntermediate(property.Property.ContainingType):
                return ApRaw(property);
            case IBinaryOperation binary:
            {
                if (binary.IsChecked) context.Report(DiagnosticIds.Checked, op.Syntax);
                bool numeric = Generics.IsNumericsOperator(binary.OperatorMethod);
                if (binary.OperatorMethod is not null && !numeric) { context.Report(DiagnosticIds.Other, op.Syntax, $"user-defined operator {binary.OperatorMethod.Name}"); return Poison; }
                var type = ScalarTypeOf(binary.Type!, op.Syntax) ?? IrType.Int32;
                var left = LowerValue(binary.LeftOperand);
                // The right side of && and || may not run: nothing in it is hoisted in front of the statement.
                var right = binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr
                    ? WithoutHoisting(() => LowerValue(binary.RightOperand))
                    : LowerValue(binary.RightOperand);
                if (numeric) return NumericOperator(op.Syntax, binary.OperatorKind, left, right, type);
                return Binary.Make(context, op.Syntax, binary.OperatorKind, type, left, right) ?? Poison;
            }
            case IUnaryOperation unary:
            {
                if (unary.IsChecked) context.Report(DiagnosticIds.Checked, op.Syntax);
                var operand = LowerValue(unary.Operand);
                var type = ScalarTypeOf(unary.Type!, op.Syntax) ?? IrType.Int32;
                if (Generics.IsNumericsOperator(unary.OperatorMethod)) return NumericUnary(unary, operand, type);
                return unary.OperatorKind switch
                {
                    UnaryOperatorKind.Plus => operand,
                    UnaryOperatorKind.Minus when operand is ConstExpr c => c with { Type = type, IntValue = -c.IntValue, FloatValue = -c.FloatValue },
                    UnaryOperatorKind.Minus => new UnaryExpr(type, UnaryOp.Neg, operand),
                    UnaryOperatorKind.Not => new UnaryExpr(IrType.Bool, UnaryOp.Not, operand),
                    UnaryOperatorKind.BitwiseNegation => new UnaryExpr(type, UnaryOp.BitNot, operand),
                    _ => Reject(op),
                };
            }
            case IConditionalOperation { Type: not null } conditional:
                return new ConditionalExpr(ScalarTypeOf(conditional.Type!, op.Syntax) ?? IrType.Int32,
                    LowerValue(conditional.Condition), WithoutHoisting(() => LowerValue(conditional.WhenTrue!)), WithoutHoisting(() => LowerValue(conditional.WhenFalse!)));
            case IInvocationOperation invocation:
                return LowerInvocation(invocation, statementRoot) ?? Poison;
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                context.Report(DiagnosticIds.SideEffectInExpression, op.Syntax);
                return Poison;
            case ISizeOfOperation when op.ConstantValue.HasValue:
                return Literal(op);
            case IPropertyReferenceOperation { Instance: null, Property.IsStatic: true } property when Generics.IsNumericsInterface(property.Property.ContainingType):
                return NumericsProperty(property);
            case IDefaultValueOperation { Type: { } defaultType }: // default(T): the zero of T
                return ScalarTypeOf(defaultType, op.Syntax) is { } zero ? new ConstExpr(zero, 0) : Poison;
            default:
                return Reject(op);
        }
    }

    private IrExpr Reject(IOperation op)
    {
        if (!OfReportedStruct(op) && !(op is IMemberReferenceOperation member && IsReportedVariable(member.Instance))) Rejections.Report(context, op);
        return Poison;
    }

    /// <summary>A local or a function's parameter whose declaration was already reported (it has no variable): what
    /// is done with it (a member read, a call on it, an assignment to it) is not reported again. Without a report,
    /// a missing variable is a transpiler bug, and <see cref="Unknown"/> says so.</summary>
    private bool IsReportedVariable(IOperation? reference) => context.Diagnostics.HasErrors
        && (reference is ILocalReferenceOperation { Local: var l } && !variables.ContainsKey(l)
            || reference is IParameterReferenceOperation { Parameter: var p } && !variables.ContainsKey(p) && context.ParamFor(p) is null);

    /// <summary>A use of a variable whose declaration was already reported; anything else is a transpiler bug.</summary>
    private IrExpr Unknown(IOperation op) => context.Diagnostics.HasErrors
        ? Poison
        : throw new InternalCompilerException($"no variable for {op.Syntax} at {Locations.Line(op.Syntax)}");

    private static IrExpr Read(Variable variable) => new VarRefExpr(variable);

    private IrExpr Literal(IOperation op)
    {
        var type = op.Type is null ? null : ScalarTypeOf(op.Type, op.Syntax);
        return op.ConstantValue.Value switch
        {
            bool b => new ConstExpr(IrType.Bool, b ? 1 : 0),
            float f => new ConstExpr(type ?? new FloatType(32), 0, f),
            double d => new ConstExpr(type ?? new FloatType(64), 0, d),
            ulong u => new ConstExpr(type ?? new IntType(64, false), unchecked((long)u)),
            null => Reject(op),
            var v => new ConstExpr(type ?? IrType.Int32, System.Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    private IrExpr FieldValue(IFieldReferenceOperation field)
    {
        var symbol = field.Field;
        // A table of FixedValue is reported at its declaration (ClassShape), not again at each use.
        if (context.IsKernelClass(symbol.ContainingType) && KernelInfo.Has(symbol, "LookupTableAttribute") && symbol.Type is IArrayTypeSymbol { ElementType: var e } && ApTypes.IsIntermediate(e))
            return Poison;
        if (context.IsKernelClass(symbol.ContainingType) && !symbol.IsStatic && KernelInfo.Has(symbol, "LookupTableAttribute")
            && symbol.Type is IArrayTypeSymbol array && ScalarTypeOf(array.ElementType, field.Syntax) is (IntType or ApType) and var element)
            return new TableRefExpr(context.Table(symbol, element));
        // A field of a variable whose declaration was already reported (a struct local, say): no second report.
        if (IsReportedVariable(field.Instance)) return Poison;
        // ClassShape reports the kernel class's mutable and non-table fields at their declarations, not at each use.
        if (context.IsKernelClass(symbol.ContainingType) && (!symbol.IsStatic || !symbol.IsReadOnly)) return Poison;
        if (symbol.IsStatic && !symbol.IsReadOnly) context.Report(DiagnosticIds.StaticMutable, field.Syntax, symbol.Name);
        else if (!context.IsKernelClass(symbol.ContainingType)) context.Report(DiagnosticIds.UnsupportedType, field.Syntax, $"field {symbol.ContainingType.Name}.{symbol.Name} of a type other than the kernel class");
        else context.Report(DiagnosticIds.InstanceField, field.Syntax, symbol.Name);
        return Poison;
    }

    private IrExpr LowerConversion(IConversionOperation conversion, bool statementRoot)
    {
        if (conversion.IsChecked) context.Report(DiagnosticIds.Checked, conversion.Syntax);
        if (ApTypes.IsApMember(conversion.OperatorMethod)) return ApConversion(conversion);
        if (conversion.OperatorMethod is not null) return Reject(conversion);
        if (conversion.Type is null) return Reject(conversion);
        if (conversion.Type is IArrayTypeSymbol || conversion.Type.Name == "Stream") return LowerValue(conversion.Operand, statementRoot);
        var target = ScalarTypeOf(conversion.Type, conversion.Syntax);
        if (target is null) return Poison;
        if (conversion.ConstantValue.HasValue && conversion.Operand is not IFieldReferenceOperation { Field.IsConst: true } || conversion.Operand is ILiteralOperation)
            return Literal(conversion);
        return Convert(LowerValue(conversion.Operand, statementRoot), target);
    }

    private static IrExpr Convert(IrExpr value, IrType type) => value.Type == type ? value : new ConvertExpr(type, value);

    /// <summary>An element of an array (of a plain array, or of a struct's field array): a multi-dimensional one is
    /// indexed at its row-major position ((i0 * d1 + i1) * d2 + i2...), in range because C# checks each index.</summary>
    private IrExpr ElementOf(IrExpr array, List<IrExpr> indices, IOperation op)
    {
        var type = IrTypes.ElementOf(array.Type)!;
        if (indices.Count == 1) return new IndexExpr(type, array, indices[0]);
        if (ArrayParameterShapes.ShapeOf(array.Type) is not { Dims: { } dims } || dims.Count != indices.Count)
        {
            context.Report(DiagnosticIds.UnsupportedType, op.Syntax, "a multi-dimensional array other than a local array or a function's parameter");
            return Poison;
        }
        var flat = Convert(indices[0], IrType.Int32);
        for (int d = 1; d < dims.Count; d++)
            flat = new BinaryExpr(IrType.Int32, BinaryOp.Add, new BinaryExpr(IrType.Int32, BinaryOp.Mul, flat, Dimension(dims[d])), Convert(indices[d], IrType.Int32));
        return new IndexExpr(type, array, flat) { Indices = indices };
    }

    /// <summary>A dimension's length in an int index computation. ConstantEvaluator computes a length as a long
    /// with the parameters' own (int) types inside (`cols + 1` is long + of int and long), so the arithmetic is
    /// rebuilt in int, which holds every array length.</summary>
    private static IrExpr Dimension(IrExpr length) => length switch
    {
        ConstExpr c => c with { Type = IrType.Int32 },
        BinaryExpr b => b with { Type = IrType.Int32, Left = Dimension(b.Left), Right = Dimension(b.Right) },
        _ => Convert(length, IrType.Int32),
    };
}
