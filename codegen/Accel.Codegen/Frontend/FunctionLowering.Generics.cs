using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

/// <summary>Generic methods, specialised per use: <c>method</c> is the method constructed with its type arguments
/// (Max&lt;int&gt;), its body is the definition's (written in T), and every T met while lowering it is read as its
/// argument. Generic math keeps C#'s meaning: <c>T + T</c> is a T (byte + byte wraps at 8 bits, computed in int and
/// converted back, as byte's IAdditionOperators does), and a narrow T shifts by the count masked to its width.</summary>
internal sealed partial class FunctionLowering
{
    private readonly Dictionary<ITypeParameterSymbol, ITypeSymbol> typeArguments =
        method.OriginalDefinition.TypeParameters.Zip(method.TypeArguments).ToDictionary(p => p.First, p => p.Second, (IEqualityComparer<ITypeParameterSymbol>)SymbolEqualityComparer.Default);

    /// <summary>A type with this function's type parameters replaced by their arguments.</summary>
    private ITypeSymbol Substitute(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol p when typeArguments.TryGetValue(p, out var argument) => argument,
        IArrayTypeSymbol a => context.Compilation.CreateArrayTypeSymbol(Substitute(a.ElementType), a.Rank),
        INamedTypeSymbol { IsGenericType: true } n => n.OriginalDefinition.Construct(n.TypeArguments.Select(Substitute).ToArray()),
        _ => type,
    };

    /// <summary>A call target as this specialisation calls it: Helper&lt;T&gt; inside Max&lt;int&gt; is Helper&lt;int&gt;.</summary>
    private IMethodSymbol Substitute(IMethodSymbol target) =>
        target.IsGenericMethod && typeArguments.Count > 0 ? target.ConstructedFrom.Construct(target.TypeArguments.Select(Substitute).ToArray()) : target;

    /// <summary>A generic function's type parameters must be constrained by System.Numerics interfaces only;
    /// reported at the constraint, once (every specialisation of the definition comes here).</summary>
    private bool ConstraintsSupported(MethodDeclarationSyntax syntax)
    {
        bool ok = true;
        foreach (var parameter in method.OriginalDefinition.TypeParameters)
        {
            if (Generics.ConstraintProblem(parameter) is not { } problem) continue;
            SyntaxNode where = syntax.ConstraintClauses.FirstOrDefault(c => c.Name.Identifier.Text == parameter.Name) ?? (SyntaxNode)syntax;
            context.Report(DiagnosticIds.Generic, where, $"the constraint {problem} of {method.Name}: constrain type parameters with System.Numerics interfaces only, e.g. where {parameter.Name} : INumber<{parameter.Name}>");
            ok = false;
        }
        return ok;
    }

    /// <summary>Whether a call of a kernel or library method can be specialised: no generic class around it, and
    /// type arguments the subset has. Reported at the call otherwise.</summary>
    private bool CanSpecialise(IInvocationOperation invocation, IMethodSymbol target)
    {
        if (target.ContainingType.IsGenericType)
        {
            context.Report(DiagnosticIds.Generic, invocation.Syntax, $"a method of the generic class {target.ContainingType.ToDisplayString()}: make the class non-generic and declare the type parameter on the method, static T {target.Name}<T>(...)");
            return false;
        }
        if (target.TypeArguments.FirstOrDefault(t => !Generics.IsSupportedArgument(t)) is { } bad)
        {
            context.Report(DiagnosticIds.Generic, invocation.Syntax, $"the type argument {bad.ToDisplayString()} of {target.Name}: call it with sbyte..ulong, float, double or bool");
            return false;
        }
        return true;
    }

    /// <summary>A binary operator of generic math on this specialisation's types: C# computes the operator of T
    /// (byte's op_Addition is (byte)(a + b)), so narrow types compute in int and convert back to T, and shift by
    /// the count masked to T's width (byte: &amp; 7); >>> of a narrow signed T shifts its unsigned bits.</summary>
    private IrExpr NumericOperator(SyntaxNode where, BinaryOperatorKind kind, IrExpr left, IrExpr right, IrType resultType)
    {
        if (kind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift)
        {
            if (left.Type is not IntType { Bits: < 32 } narrow) return Binary.Make(context, where, kind, left.Type, left, Convert(right, IrType.Int32)) ?? Poison;
            var count = right is ConstExpr { Type: IntType } c
                ? new ConstExpr(IrType.Int32, c.IntValue & (narrow.Bits - 1))
                : (IrExpr)new BinaryExpr(IrType.Int32, BinaryOp.And, Convert(right, IrType.Int32), new ConstExpr(IrType.Int32, narrow.Bits - 1));
            var value = kind == BinaryOperatorKind.UnsignedRightShift && narrow.Signed
                ? Convert(Convert(left, narrow with { Signed = false }), IrType.Int32)
                : Convert(left, IrType.Int32);
            var op = kind == BinaryOperatorKind.LeftShift ? BinaryOp.Shl : BinaryOp.Shr;
            return Convert(new BinaryExpr(IrType.Int32, op, value, count), narrow);
        }
        var compute = Binary.ResultType(kind, left.Type, right.Type);
        var result = Binary.Make(context, where, kind, compute, Widen(left, compute), Widen(right, compute));
        return result is null ? Poison : Convert(result, resultType);
    }

    /// <summary>An operand promoted to the type C# computes in; a constant (T.One) becomes a constant of that type
    /// (promotion never changes a value).</summary>
    private static IrExpr Widen(IrExpr value, IrType type) =>
        value is ConstExpr { Type: IntType } c && type is IntType ? c with { Type = type } : Convert(value, type);

    /// <summary>-x and ~x of generic math: of a narrow T, computed in int and converted back (byte: -1 is 255).</summary>
    private IrExpr NumericUnary(IUnaryOperation unary, IrExpr operand, IrType type)
    {
        if (unary.OperatorKind == UnaryOperatorKind.Plus) return operand;
        UnaryOp? op = unary.OperatorKind switch
        {
            UnaryOperatorKind.Minus => UnaryOp.Neg,
            UnaryOperatorKind.BitwiseNegation => UnaryOp.BitNot,
            _ => null,
        };
        if (op is null) return Reject(unary);
        var compute = Binary.Promote(type);
        return Convert(new UnaryExpr(compute, op.Value, Convert(operand, compute)), type);
    }

    /// <summary>T.Zero, T.One, T.MinValue, T.MaxValue (and their synonyms) as constants of the argument type.</summary>
    private IrExpr NumericsProperty(IPropertyReferenceOperation property)
    {
        var type = ScalarTypeOf(property.Type!, property.Syntax);
        if (type is null) return Poison;
        IrExpr Number(double value) => type is FloatType ? new ConstExpr(type, 0, value) : new ConstExpr(type, (long)value);
        IrExpr? constant = (property.Property.Name, type) switch
        {
            ("Zero" or "AdditiveIdentity", _) => Number(0),
            ("One" or "MultiplicativeIdentity", _) => Number(1),
            ("NegativeOne", _) => Number(-1),
            ("MinValue", IntType i) => new ConstExpr(i, i.MinValue),
            ("MaxValue", IntType i) => new ConstExpr(i, MaxValue(i)),
            ("MinValue", FloatType { Bits: 32 }) => Number(float.MinValue),
            ("MaxValue", FloatType { Bits: 32 }) => Number(float.MaxValue),
            ("MinValue", FloatType) => Number(double.MinValue),
            ("MaxValue", FloatType) => Number(double.MaxValue),
            _ => null,
        };
        if (constant is null)
            context.Report(DiagnosticIds.Generic, property.Syntax, $"{property.Syntax}: only {Generics.Allowed} of T are supported; compute it with those");
        return constant ?? Poison;
    }

    /// <summary>The largest value, as the IR holds integer constants (ulong's is all 64 bits set, -1 as a long).</summary>
    private static long MaxValue(IntType i) => i.Bits == 64 ? (i.Signed ? long.MaxValue : -1) : i.Signed ? (1L << (i.Bits - 1)) - 1 : (1L << i.Bits) - 1;

    /// <summary>A static member of System.Numerics called on T (or X.CreateTruncating on a scalar X): CreateTruncating
    /// is the conversion C# casts do (wrapping integers, saturating float to integer); the others are reported.</summary>
    private IrExpr NumericsCall(IInvocationOperation invocation, IMethodSymbol target, List<IOperation> arguments, IrType returnType)
    {
        if (target.Name == "CreateTruncating" && arguments.Count == 1)
        {
            var value = LowerValue(arguments[0]);
            // T.CreateTruncating(5): a constant of T, its bits cut to T's width as the conversion would.
            if (value is ConstExpr { Type: IntType } constant && returnType is IntType integer)
                return new ConstExpr(integer, integer.Bits == 64 ? constant.IntValue
                    : integer.Signed ? constant.IntValue << (64 - integer.Bits) >> (64 - integer.Bits) : constant.IntValue & ((1L << integer.Bits) - 1));
            return Convert(value, returnType);
        }
        var called = invocation.Syntax is InvocationExpressionSyntax { Expression: var callee } ? callee.ToString() : target.Name;
        context.Report(DiagnosticIds.Generic, invocation.Syntax, $"{called}: only {Generics.Allowed} of T are supported; write it with operators (a < T.Zero ? -a : a for Abs, a > b ? a : b for Max)");
        return Poison;
    }

    /// <summary>X.CreateTruncating(v) for a scalar X, or a static member of a System.Numerics interface on T.</summary>
    private static bool IsNumericsCall(IMethodSymbol target) =>
        target.IsStatic && (Generics.IsNumericsInterface(target.ContainingType)
            || target.Name == "CreateTruncating" && Generics.IsSupportedArgument(target.ContainingType));
}
