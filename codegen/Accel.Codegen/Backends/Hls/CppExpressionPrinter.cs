using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;

namespace Accel.Codegen.Backends.Hls;

/// <summary>Prints IR expressions as C++ with C#'s meaning: signed +, -, *, negation and shifts go through
/// accel_int.h so they wrap instead of being undefined; every conversion is an explicit cast. Binary
/// expressions come back parenthesised; <see cref="Print"/> drops the outermost pair.</summary>
internal sealed class CppExpressionPrinter : IIrExprVisitor<string>
{
    public static readonly CppExpressionPrinter Instance = new();

    public string Print(IrExpr expr) => Unwrap(expr.Accept(this));

    private static string Unwrap(string text) =>
        text.Length > 1 && text[0] == '(' && text[^1] == ')' && Balanced(text[1..^1]) ? text[1..^1] : text;

    private static bool Balanced(string text)
    {
        int depth = 0;
        foreach (var c in text)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) return false;
        }
        return depth == 0;
    }

    public string VisitConst(ConstExpr e) => CppSpellings.Constant(e.Type, e.IntValue, e.FloatValue);
    public string VisitParamRef(ParamRefExpr e) => e.Param.Name;
    public string VisitNamedConst(NamedConstExpr e) => e.Constant.Name;
    public string VisitVarRef(VarRefExpr e) => e.Variable.Name;
    public string VisitTableRef(TableRefExpr e) => e.Table.Name;
    public string VisitIndex(IndexExpr e) => (e.Indices is { } indices
        ? e.Array.Accept(this) + string.Concat(indices.Select(i => $"[{Print(i)}]"))
        : $"{e.Array.Accept(this)}[{Print(e.Index)}]") + (e.Field is { } field ? $".{field.Name}" : "");

    public string VisitUnary(UnaryExpr e) => e.Op switch
    {
        UnaryOp.Neg when e.Type is ApType => $"(-{e.Operand.Accept(this)})", // exact: one bit wider
        UnaryOp.Neg when IrTypes.IsSignedInt(e.Type) => $"accel::neg({Print(e.Operand)})",
        UnaryOp.Neg => $"(-{e.Operand.Accept(this)})",
        UnaryOp.Not => $"(!{e.Operand.Accept(this)})",
        _ => $"static_cast<{CppSpellings.Type(e.Type)}>(~{e.Operand.Accept(this)})",
    };

    public string VisitBinary(BinaryExpr e)
    {
        string l = e.Left.Accept(this), r = e.Right.Accept(this);
        // ap_int / ap_fixed operators are exact (or, for shifts, keep the shape) in both headers: nothing to guard.
        if (e.Left.Type is ApType) return $"({l} {CppSymbol(e.Op)} {r})";
        // Known at generation time and in range: C++ folds it exactly as C# does, so plain operators are safe.
        bool signed = IrTypes.IsSignedInt(e.Left.Type) && !FitsWithoutWrapping(e);
        return e.Op switch
        {
            BinaryOp.Add when signed => $"accel::add({Unwrap(l)}, {Unwrap(r)})",
            BinaryOp.Sub when signed => $"accel::sub({Unwrap(l)}, {Unwrap(r)})",
            BinaryOp.Mul when signed => $"accel::mul({Unwrap(l)}, {Unwrap(r)})",
            BinaryOp.Shl or BinaryOp.Shr when Exact(e.Right) is { } n && n >= 0 && n < ((IntType)e.Type).Bits && !(signed && e.Op == BinaryOp.Shl)
                => $"({l} {CppSymbol(e.Op)} {r})",
            BinaryOp.Shl => $"accel::shl({Unwrap(l)}, {Unwrap(r)})",
            BinaryOp.Shr => $"accel::shr({Unwrap(l)}, {Unwrap(r)})",
            BinaryOp.UShr => $"accel::ushr({Unwrap(l)}, {Unwrap(r)})",
            // C# promotes arithmetic narrower than int, so what is left (unsigned, float, bitwise, comparisons) means the same in C++.
            _ => $"({l} {CppSymbol(e.Op)} {r})",
        };
    }

    /// <summary>C++ spells every operator as C# does but >>>, which the printer writes as accel::ushr.</summary>
    private static string CppSymbol(BinaryOp op) =>
        op == BinaryOp.UShr ? throw new InternalCompilerException($"no C++ operator for {op}") : op.Symbol();

    private static System.Numerics.BigInteger? Exact(IrExpr e) => ConstantFolder.Constants.Exact(e);

    /// <summary>The operation, and each operation it reads directly, computes a value inside its type's range (and
    /// a left shift has a non-negative left operand, which C++ before C++20 leaves undefined and g++ rejects).</summary>
    private static bool FitsWithoutWrapping(BinaryExpr e) =>
        e.Op is BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul or BinaryOp.Shl
        && e.Type is IntType type && Exact(e) is { } v && ConstantFolder.Fits(v, type)
        && !(e.Op == BinaryOp.Shl && Exact(e.Left) is { Sign: < 0 })
        && Operand(e.Left) && Operand(e.Right);

    private static bool Operand(IrExpr e) => e is not BinaryExpr b || (b.Type is IntType t && Exact(b) is { } v && ConstantFolder.Fits(v, t));

    public string VisitConvert(ConvertExpr e)
    {
        var to = CppSpellings.Type(e.Type);
        if (e.Type is ApType) return e.Bits ? $"accel::ap_from_raw<{to}>({Print(e.Operand)})" : $"{to}({Print(e.Operand)})";
        if (e.Operand.Type is ApType)
            return e.Bits ? $"accel::ap_raw({Print(e.Operand)})"
                : e.Type is FloatType ? $"{e.Operand.Accept(this)}.to_double()"
                : $"static_cast<int64_t>({e.Operand.Accept(this)}.to_int64())"; // Vitis's is long long, int64_t long
        return e.Operand.Type is FloatType && e.Type is IntType
            ? $"accel::saturating_cast<{to}>({Print(e.Operand)})"
            : $"static_cast<{to}>({Print(e.Operand)})";
    }

    public string VisitConditional(ConditionalExpr e) => $"({e.Condition.Accept(this)} ? {e.WhenTrue.Accept(this)} : {e.WhenFalse.Accept(this)})";

    public string VisitCall(CallExpr e) => $"{e.Callee}({string.Join(", ", e.Arguments.Select(Print))})";

    public string VisitIntrinsic(IntrinsicExpr e)
    {
        var name = CppSpellings.Intrinsic(e.Intrinsic);
        if (e.Intrinsic is Intrinsic.StreamRead or Intrinsic.StreamWrite or Intrinsic.StreamEmpty)
            return $"{e.Arguments[0].Accept(this)}.{name}({string.Join(", ", e.Arguments.Skip(1).Select(Print))})";
        return $"{name}({string.Join(", ", e.Arguments.Select(Print))})";
    }

    /// <summary>A compile-time length: plain operators on parameter names, evaluated by the C++ compiler.</summary>
    public string PrintConstant(IrExpr e) => e switch
    {
        BinaryExpr b => $"({PrintConstant(b.Left)} {CppSymbol(b.Op)} {PrintConstant(b.Right)})",
        ConstExpr c => c.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => e.Accept(this),
    };
}
