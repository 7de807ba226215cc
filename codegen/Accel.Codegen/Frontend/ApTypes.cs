using Accel.Codegen.Ir;
using Accel.Hw;
using Microsoft.CodeAnalysis;

namespace Accel.Codegen.Frontend;

/// <summary>Accel.Hw's arbitrary-precision types as the front end sees them: Int&lt;W&gt;, UInt&lt;W&gt;,
/// Fixed&lt;W, I, Q, O&gt; and UFixed&lt;W, I, Q, O&gt; become an <see cref="ApType"/>; FixedValue is their exact
/// intermediate, which has no type of its own in a kernel (its shape depends on the operands).</summary>
internal static class ApTypes
{
    private static readonly string[] Typed = ["Int", "UInt", "Fixed", "UFixed"];

    /// <summary>Wider values than this do not fit the fallback header's 128-bit intermediates.</summary>
    public const int MaxIntermediateWidth = 128;

    private static bool InHw(ISymbol? symbol) => symbol?.ContainingNamespace?.ToDisplayString() == "Accel.Hw";

    /// <summary>One of the four typed structs (any type arguments).</summary>
    public static bool IsTyped(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true } named && InHw(named) && Typed.Contains(named.Name);

    public static bool IsIntermediate(ITypeSymbol? type) => type is INamedTypeSymbol { Name: "FixedValue" } named && InHw(named);

    /// <summary>An operator or conversion declared by one of the types above.</summary>
    public static bool IsApMember(IMethodSymbol? method) =>
        method is not null && (IsTyped(method.ContainingType) || IsIntermediate(method.ContainingType));

    /// <summary>The IR type of a typed struct, or the reason it is outside the subset.</summary>
    public static (ApType? Type, string? Problem) Of(INamedTypeSymbol type)
    {
        var args = type.TypeArguments;
        int? Width(ITypeSymbol t) => t is INamedTypeSymbol { Name: ['W', .. var digits] } w && InHw(w) && int.TryParse(digits, out var n) ? n : null;
        if (Width(args[0]) is not int width)
            return (null, $"{type.ToDisplayString()}: its width must be one of Accel.Hw's W1..W64, not a type parameter");
        if (width < 1) return (null, $"{type.ToDisplayString()}: a width of 0 bits");
        bool signed = !type.Name.StartsWith("U", StringComparison.Ordinal);
        if (args.Length == 1) return (new ApType(new ApFormat(width, width, signed, IsInt: true)), null);
        if (Width(args[1]) is not int intBits) return (null, $"{type.ToDisplayString()}: its integer bits must be one of W0..W64");
        if (args[2] is not INamedTypeSymbol q || !InHw(q) || !Enum.TryParse<QuantMode>(q.Name, out var quant)
            || args[3] is not INamedTypeSymbol o || !InHw(o) || !Enum.TryParse<OverflowMode>(o.Name, out var overflow))
            return (null, $"{type.ToDisplayString()}: its modes must be Accel.Hw's quantisation (Trn, Rnd...) and overflow (Wrap, Sat...) types");
        return (new ApType(new ApFormat(width, intBits, signed), quant, overflow), null);
    }

    public static ApFormat Result(BinaryOp op, ApFormat left, ApFormat right) => op switch
    {
        BinaryOp.Add => ApFormat.Sum(left, right),
        BinaryOp.Sub => ApFormat.Difference(left, right),
        _ => ApFormat.Product(left, right),
    };
}
