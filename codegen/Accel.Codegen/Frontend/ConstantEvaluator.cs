using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

/// <summary>Evaluates compile-time expressions (literals, consts, kernel parameters and arithmetic on them) for
/// array lengths, stream depths and directive arguments. Returns the value and an expression that keeps the
/// parameter names for the generated C++; null when the expression is not compile-time.</summary>
internal static class ConstantEvaluator
{
    public static (IrExpr Expr, long Value)? Evaluate(LoweringContext context, IOperation op)
    {
        switch (op)
        {
            case IConversionOperation conversion:
                return Evaluate(context, conversion.Operand);
            case IParameterReferenceOperation p when context.ParamFor(p.Parameter) is { } param:
                return (new ParamRefExpr(param), param.Value);
            case IFieldReferenceOperation { Field.IsConst: true } f when context.IsKernelClass(f.Field.ContainingType):
                var constant = context.Constant(f.Field);
                return (new NamedConstExpr(constant), constant.Value);
            case IBinaryOperation b when Evaluate(context, b.LeftOperand) is { } l && Evaluate(context, b.RightOperand) is { } r:
                long? value = b.OperatorKind switch
                {
                    BinaryOperatorKind.Add => l.Value + r.Value,
                    BinaryOperatorKind.Subtract => l.Value - r.Value,
                    BinaryOperatorKind.Multiply => l.Value * r.Value,
                    BinaryOperatorKind.Divide when r.Value != 0 => l.Value / r.Value,
                    BinaryOperatorKind.LeftShift => l.Value << (int)r.Value,
                    BinaryOperatorKind.RightShift => l.Value >> (int)r.Value,
                    _ => null,
                };
                var kind = b.OperatorKind switch
                {
                    BinaryOperatorKind.Add => BinaryOp.Add, BinaryOperatorKind.Subtract => BinaryOp.Sub,
                    BinaryOperatorKind.Multiply => BinaryOp.Mul, BinaryOperatorKind.Divide => BinaryOp.Div,
                    BinaryOperatorKind.LeftShift => BinaryOp.Shl, _ => BinaryOp.Shr,
                };
                return value is null ? null : (new BinaryExpr(IrType.Int64, kind, l.Expr, r.Expr), value.Value);
            default:
                if (op.ConstantValue is { HasValue: true, Value: var v } && v is not string && v is not null and not float and not double)
                {
                    long constantValue = System.Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture);
                    return (new ConstExpr(IrType.Int64, constantValue), constantValue);
                }
                return null;
        }
    }
}
