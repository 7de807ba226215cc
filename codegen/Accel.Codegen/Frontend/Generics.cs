using Microsoft.CodeAnalysis;

namespace Accel.Codegen.Frontend;

/// <summary>What the subset accepts of C# generics: generic methods (of the kernel class or a [KernelLibrary]
/// class) whose type parameters stand for a scalar type, constrained by System.Numerics interfaces. Each use
/// with a distinct list of type arguments is lowered as a function of its own (see <see cref="FunctionLowering"/>).</summary>
internal static class Generics
{
    /// <summary>The members of System.Numerics' interfaces a generic method may use on T besides its operators.</summary>
    public const string Allowed = "operators, T.Zero, T.One, T.MinValue, T.MaxValue and T.CreateTruncating";

    /// <summary>A type argument's C# keyword, used in the specialised function's name.</summary>
    public static string KeywordName(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean => "bool",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Byte => "byte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        _ => type.Name,
    };

    /// <summary>A type a type parameter may stand for: the subset's scalars.</summary>
    public static bool IsSupportedArgument(ITypeSymbol type) => type.SpecialType is SpecialType.System_Boolean
        or (>= SpecialType.System_SByte and <= SpecialType.System_UInt64) or SpecialType.System_Single or SpecialType.System_Double;

    public static bool IsNumericsInterface(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Interface } && type.ContainingNamespace?.ToDisplayString() == "System.Numerics";

    /// <summary>An operator of T as generic math calls it: a static member of a System.Numerics interface
    /// (IAdditionOperators.op_Addition...), which for the subset's types is the built-in operator.</summary>
    public static bool IsNumericsOperator(IMethodSymbol? method) =>
        method is { IsStatic: true } && IsNumericsInterface(method.ContainingType);

    /// <summary>Why a type parameter's constraints are outside the subset, or null: only System.Numerics
    /// interfaces (and struct / unmanaged / notnull, which say nothing about the operations).</summary>
    public static string? ConstraintProblem(ITypeParameterSymbol parameter)
    {
        if (parameter.HasReferenceTypeConstraint) return $"'{parameter.Name} : class'";
        if (parameter.HasConstructorConstraint) return $"'{parameter.Name} : new()'";
        var other = parameter.ConstraintTypes.FirstOrDefault(c => !IsNumericsInterface(c));
        return other is null ? null : $"'{parameter.Name} : {other.ToDisplayString()}'";
    }
}
