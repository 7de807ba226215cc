using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;

namespace Accel.Codegen.Frontend;

/// <summary>The library methods a kernel may call, by containing type and name. Everything else outside the
/// kernel class is ACCEL0024.</summary>
internal static class IntrinsicTable
{
    private static readonly Dictionary<(string Type, string Method), Intrinsic> Methods = new()
    {
        [("Accel.Hw.Fx", "RoundShift")] = Intrinsic.RoundShift,
        [("Accel.Hw.Fx", "Saturate")] = Intrinsic.Saturate,
        [("Accel.Hw.Fx", "SaturateUnsigned")] = Intrinsic.SaturateUnsigned,
        [("Accel.Hw.Fx", "MulRound")] = Intrinsic.MulRound,
        [("Accel.Hw.Fx", "LeadingZeros")] = Intrinsic.LeadingZeros,
        [("System.Math", "Abs")] = Intrinsic.Abs,
        [("System.Math", "Min")] = Intrinsic.Min,
        [("System.Math", "Max")] = Intrinsic.Max,
        [("Accel.Hw.Stream<T>", "Read")] = Intrinsic.StreamRead,
        [("Accel.Hw.Stream<T>", "Write")] = Intrinsic.StreamWrite,
        [("Accel.Hw.Stream<T>", "Empty")] = Intrinsic.StreamEmpty,
    };

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
