using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;

namespace Accel.Codegen.Frontend;

/// <summary>The library methods a kernel may call, by containing type and name. Everything else outside the
/// kernel class is ACCEL0024.</summary>
internal static class IntrinsicTable
{
    private static readonly Dictionary<(string Type, string Method), Intrinsic> Methods =
        Intrinsics.All.ToDictionary(i => (i.CSharpType, i.CSharpMethod), i => i.Op);

    public static Intrinsic? Find(IMethodSymbol method)
    {
        var type = method.ContainingType.OriginalDefinition.ToDisplayString();
        if (!Methods.TryGetValue((type, method.Name), out var intrinsic)) return null;
        // Math.Abs/Min/Max only on integers: the float overloads would need libm, whose bits differ between .NET and C++.
        if (type == "System.Math" && method.Parameters.Any(p => p.Type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal))
            return null;
        return intrinsic;
    }
}
