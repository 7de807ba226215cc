using Accel.Codegen.Ir;
using Accel.Hw;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

/// <summary>Arbitrary-precision values (Accel.Hw's Int, UInt, Fixed, UFixed): their C# operators and conversions
/// become IR operations on <see cref="ApType"/>s, which print as the same operators on ap_int / ap_fixed, so the
/// C++ computes the intermediate shapes Vitis does and C#'s FixedValue mirrors.</summary>
internal sealed partial class FunctionLowering
{
    private static readonly ApType CInt = new(ApFormat.Int32);

    /// <summary>The IR type of an ap type symbol, reported when outside the subset.</summary>
    private IrType? ApTypeOf(ITypeSymbol type, SyntaxNode where)
    {
        if (ApTypes.IsIntermediate(type))
        {
            context.Report(DiagnosticIds.Arbitrary, where, "a FixedValue variable, parameter or result: its shape depends on the operands; declare it with the Int, UInt, Fixed or UFixed type it should be stored as");
            return null;
        }
        var (result, problem) = ApTypes.Of((INamedTypeSymbol)type);
        if (problem is not null) context.Report(DiagnosticIds.Arbitrary, where, problem);
        return result;
    }

    private IrExpr ApBinary(IBinaryOperation binary)
    {
        var left = ApOperand(LowerValue(binary.LeftOperand));
        var right = LowerValue(binary.RightOperand);
        if (left is null) return Reported(binary.Syntax, "an operation whose left side is not an arbitrary-precision value");
        if (binary.OperatorKind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift)
            return new BinaryExpr(left.Type, binary.OperatorKind == BinaryOperatorKind.LeftShift ? BinaryOp.Shl : BinaryOp.Shr, left, Convert(right, IrType.Int32));
        if (ApOperand(right) is not { } r) return Reported(binary.Syntax, "an operation whose right side is not an arbitrary-precision value or an int");
        var op = Binary.Make(context, binary.Syntax, binary.OperatorKind, IrType.Bool, left, r) as BinaryExpr;
        if (op is null) return Poison;
        // A comparison aligns both sides to one binary point, as a sum does: that width must fit too.
        if (Binary.IsComparison(op.Op)) return Fits(ApFormat.Sum(((ApType)left.Type).Format, ((ApType)r.Type).Format), binary.Syntax) ? op : Poison;
        if (op.Op is not (BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul))
            return Reported(binary.Syntax, $"operator {binary.OperatorKind} on arbitrary-precision values (only + - *, comparisons and shifts)");
        return Checked(op with { Type = new ApType(ApTypes.Result(op.Op, ((ApType)left.Type).Format, ((ApType)r.Type).Format)) }, binary.Syntax);
    }

    private IrExpr ApNegation(IUnaryOperation unary)
    {
        if (unary.OperatorKind != UnaryOperatorKind.Minus || ApOperand(LowerValue(unary.Operand)) is not { } operand)
            return Reported(unary.Syntax, $"unary {unary.OperatorKind} on an arbitrary-precision value");
        return Checked(new UnaryExpr(new ApType(ApFormat.Negation(((ApType)operand.Type).Format)), UnaryOp.Neg, operand), unary.Syntax);
    }

    /// <summary>An operand of ap arithmetic: an ap value as it is, a C++ int as ap_int&lt;32&gt; (what Vitis
    /// converts it to), anything else null.</summary>
    private static IrExpr? ApOperand(IrExpr value) => value.Type switch
    {
        ApType => value,
        IntType { Bits: 32, Signed: true } => new ConvertExpr(CInt, value),
        _ => null,
    };

    /// <summary>A conversion declared by an ap type: into FixedValue (no operation: the IR keeps the operand's own
    /// type), into a typed value (a quantising store), or out to long, int or double.</summary>
    private IrExpr ApConversion(IConversionOperation conversion)
    {
        var to = conversion.Type!;
        var from = conversion.Operand;
        if (ApTypes.IsIntermediate(to)) return ApOperand(LowerValue(from)) ?? Reported(conversion.Syntax, "a conversion into FixedValue");
        if (ApTypes.IsTyped(to))
        {
            if (ApTypeOf(to, conversion.Syntax) is not ApType target) return Poison;
            if (from.Type?.SpecialType == SpecialType.System_Double)
                return from.ConstantValue is { HasValue: true, Value: double d }
                    ? new ConvertExpr(target, new ConstExpr(IrType.Int64, unchecked((long)(ulong)(target.Format.QuantiseDouble(d, target.Quant, target.Overflow) & ulong.MaxValue)))) { Bits = true }
                    : Reported(conversion.Syntax, "a conversion of a double that is not a constant (doubles convert when the kernel is generated); convert an integer instead, (T)(long)x, or scale it yourself");
            var value = LowerValue(from);
            if (value.Type is IntType) value = Convert(value, value.Type is IntType { Bits: 64 } ? IrType.Int64 : IrType.Int32);
            return value.Type == target ? value : new ConvertExpr(target, value);
        }
        var result = ScalarTypeOf(to, conversion.Syntax);
        var operand = LowerValue(from);
        return result switch
        {
            null => Poison,
            IntType { Bits: 64, Signed: true } or FloatType { Bits: 64 } => new ConvertExpr(result, operand),
            IntType { Bits: 32, Signed: true } => new ConvertExpr(result, new ConvertExpr(IrType.Int64, operand)),
            _ => Reported(conversion.Syntax, $"a conversion of an arbitrary-precision value to {to.ToDisplayString()} (convert to long, int or double)"),
        };
    }

    /// <summary>T.FromRaw(bits): the value whose bits are the low W bits of an integer.</summary>
    private IrExpr? ApFromRaw(IInvocationOperation invocation, IMethodSymbol target)
    {
        if (target.Name != "FromRaw") return Reported(invocation.Syntax, $"{target.ContainingType.Name}.{target.Name}");
        if (ApTypeOf(target.ContainingType, invocation.Syntax) is not ApType type) return null;
        return new ConvertExpr(type, Convert(LowerValue(invocation.Arguments[0].Value), IrType.Int64)) { Bits = true };
    }

    /// <summary>x.Raw: the value's bits as a long (sign-extended for signed types).</summary>
    private IrExpr ApRaw(IPropertyReferenceOperation property) =>
        property.Property.Name == "Raw" && ApTypes.IsTyped(property.Property.ContainingType) && property.Instance is { } instance
            ? new ConvertExpr(IrType.Int64, LowerValue(instance)) { Bits = true }
            : Reported(property.Syntax, $"{property.Property.ContainingType.Name}.{property.Property.Name} (a FixedValue's bits depend on its shape: store it into a typed value and read that one's Raw)");

    /// <summary>x op= y on an ap value: the exact operation, stored back with x's modes.</summary>
    private IrStmt? ApCompound(ICompoundAssignmentOperation compound)
    {
        var target = LowerTarget(compound.Target);
        if (target is null) return null;
        var right = ApOperand(LowerValue(compound.Value));
        if (target.Type is not ApType || right is null || compound.OperatorKind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply))
        {
            Reported(compound.Syntax, $"the compound assignment {compound.OperatorKind}= (only +=, -=, *= of arbitrary-precision values)");
            return null;
        }
        var op = compound.OperatorKind switch { BinaryOperatorKind.Add => BinaryOp.Add, BinaryOperatorKind.Subtract => BinaryOp.Sub, _ => BinaryOp.Mul };
        var value = Checked(new BinaryExpr(new ApType(ApTypes.Result(op, ((ApType)target.Type).Format, ((ApType)right.Type).Format)), op, target, right), compound.Syntax);
        return new AssignStmt(Line(compound), target, new ConvertExpr(target.Type, value));
    }

    /// <summary>A multi-dimensional port's buffer is reshaped by copying its bytes, which an ap element's container
    /// is not: such a port is one-dimensional.</summary>
    private Variable? ApMultiDimensionalPort(IParameterSymbol p, SyntaxNode where)
    {
        Reported(where, $"the multi-dimensional port {p.Name} of arbitrary-precision elements (declare it one-dimensional and index it row-major, {p.Name}[i * cols + j])");
        return null;
    }

    /// <summary>An intermediate wider than the fallback header's 128-bit arithmetic is reported.</summary>
    private IrExpr Checked(IrExpr value, SyntaxNode where) => Fits(((ApType)value.Type).Format, where) ? value : Poison;

    private bool Fits(ApFormat format, SyntaxNode where)
    {
        if (format.Width + (format.Signed ? 0 : 1) <= ApTypes.MaxIntermediateWidth) return true;
        Reported(where, $"this operation, whose {(format.Signed ? "signed" : "unsigned")} intermediate needs {format.Width} bits (more than the {ApTypes.MaxIntermediateWidth} bits, signed, that C simulation holds); store an operand into a narrower typed local first");
        return false;
    }

    private IrExpr Reported(SyntaxNode where, string detail)
    {
        context.Report(DiagnosticIds.Arbitrary, where, detail);
        return Poison;
    }
}
