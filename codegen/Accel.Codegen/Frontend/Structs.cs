using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Accel.Codegen.Frontend;

/// <summary>A struct of the kernel subset: a plain C# struct declared in the kernel's sources whose members are
/// public instance fields of the subset's scalar types. The front end replaces it by its fields (scalar
/// replacement, what Vitis does to a local struct): a struct local is one IR local per field (`p_R`, `p_G`), a
/// struct array one IR array per field (`buf_R[n]`), a struct argument one argument per field; so the IR, its
/// printers, the emulator's schedule and the estimator see only scalars and arrays.</summary>
internal sealed record StructShape(INamedTypeSymbol Symbol, IReadOnlyList<StructField> Fields)
{
    public int IndexOf(IFieldSymbol field) => Fields.ToList().FindIndex(f => SymbolEqualityComparer.Default.Equals(f.Symbol, field.OriginalDefinition));
}

internal sealed record StructField(IFieldSymbol Symbol, IrType Type)
{
    public string Name => Symbol.Name;
}

internal static class Structs
{
    /// <summary>A struct declared in the kernel's sources (System's structs such as DateTime are not).</summary>
    public static bool IsUserStruct(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } named
        && named.DeclaringSyntaxReferences.Length > 0 && named.Name != "Nullable";

    /// <summary>The scalar IR type of a C# type, or null.</summary>
    public static IrType? Scalar(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean => IrType.Bool,
        SpecialType.System_SByte => new IntType(8, true),
        SpecialType.System_Byte => new IntType(8, false),
        SpecialType.System_Int16 => new IntType(16, true),
        SpecialType.System_UInt16 => new IntType(16, false),
        SpecialType.System_Int32 => IrType.Int32,
        SpecialType.System_UInt32 => new IntType(32, false),
        SpecialType.System_Int64 => IrType.Int64,
        SpecialType.System_UInt64 => new IntType(64, false),
        SpecialType.System_Single => new FloatType(32),
        SpecialType.System_Double => new FloatType(64),
        _ => null,
    };

    /// <summary>Checks a struct's declaration: every member outside the subset is reported at its declaration
    /// (once per struct, see <see cref="LoweringContext.Struct"/>). Null when anything was reported.</summary>
    public static StructShape? Check(LoweringContext context, INamedTypeSymbol type)
    {
        bool ok = true;
        void Bad(SyntaxNode where, string what)
        {
            context.Report(DiagnosticIds.StructConstruct, where, what);
            ok = false;
        }
        var declaration = type.DeclaringSyntaxReferences[0].GetSyntax();
        SyntaxNode Where(ISymbol member) => member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() ?? declaration;
        if (declaration is RecordDeclarationSyntax)
            Bad(declaration, $"record struct {type.Name}: declare it as a plain struct with public fields");
        if (type.IsGenericType)
            Bad(declaration, $"generic struct {type.Name}: declare one struct per field type");
        var fields = new List<StructField>();
        foreach (var member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared) continue;
            switch (member)
            {
                case IFieldSymbol { IsConst: true }:
                    break; // folded into its uses, as a kernel's consts are
                case IFieldSymbol { IsStatic: true } field:
                    Bad(Where(field), $"static field {type.Name}.{field.Name}: use a const, or a [LookupTable] field of the kernel class");
                    break;
                case IFieldSymbol { AssociatedSymbol: IPropertySymbol property }:
                    Bad(Where(property), $"property {type.Name}.{property.Name}: declare a public field instead");
                    break;
                case IFieldSymbol { IsFixedSizeBuffer: true } field:
                    Bad(Where(field), $"fixed buffer {type.Name}.{field.Name}: use one field per element, or keep an array beside the struct");
                    break;
                case IFieldSymbol field when Scalar(field.Type) is { } scalar:
                    fields.Add(new StructField(field, scalar));
                    break;
                case IFieldSymbol field:
                    Bad(Where(field), field.Type switch
                    {
                        _ when IsUserStruct(field.Type) => $"field {type.Name}.{field.Name} of struct type {field.Type.Name} (a nested struct): declare its fields in {type.Name} directly ({field.Name}{FirstField(field.Type)}...)",
                        IArrayTypeSymbol => $"array field {type.Name}.{field.Name}: use one field per element, or keep an array of {((IArrayTypeSymbol)field.Type).ElementType.Name} beside the struct (or an array of {type.Name})",
                        _ => $"field {type.Name}.{field.Name} of type {field.Type.ToDisplayString()}: struct fields are sbyte..ulong, bool, float or double",
                    });
                    break;
                case IPropertySymbol property:
                    Bad(Where(property), $"property {type.Name}.{property.Name}: declare a public field instead");
                    break;
                case IMethodSymbol { MethodKind: MethodKind.Constructor } ctor:
                    Bad(Where(ctor), $"a constructor of {type.Name}: create it with new {type.Name} {{ {string.Join(", ", type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic).Take(2).Select(f => $"{f.Name} = ..."))} }} (an object initializer), or assign its fields");
                    break;
                case IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove }:
                    break; // reported with their property or event
                case IMethodSymbol method:
                    Bad(Where(method), $"method {type.Name}.{method.Name}: write it as a method of the kernel class (or a [KernelLibrary] function) taking the struct as an argument");
                    break;
                default:
                    Bad(Where(member), $"member {type.Name}.{member.Name}: a kernel struct holds public fields only");
                    break;
            }
        }
        return ok ? new StructShape(type, fields) : null;
    }

    private static string FirstField(ITypeSymbol type) =>
        type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => !f.IsStatic) is { } f ? "_" + f.Name : "";
}
