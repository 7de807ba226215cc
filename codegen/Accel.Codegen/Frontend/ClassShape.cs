using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Accel.Codegen.Frontend;

/// <summary>Checks the members of a kernel class: fields and the top function.</summary>
internal static class ClassShape
{
    public static void Check(LoweringContext context)
    {
        // The name, parameters and configurations were checked when the project was loaded (KernelDeclarations).
        var kernel = context.Kernel.Symbol;

        foreach (var field in kernel.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsImplicitlyDeclared))
        {
            if (field.IsConst) continue;
            bool isTable = KernelInfo.Has(field, "LookupTableAttribute");
            if (field.IsStatic && !field.IsReadOnly)
                context.Report(DiagnosticIds.StaticMutable, Syntax(field), field.Name);
            else if (isTable && field.Type is IArrayTypeSymbol { ElementType: var intermediate } && ApTypes.IsIntermediate(intermediate))
                context.Report(DiagnosticIds.Arbitrary, Syntax(field), $"a [LookupTable] of FixedValue ({field.Name}): a FixedValue's shape depends on its operands; declare the table with the Int, UInt, Fixed or UFixed type its values are stored as");
            else if (isTable && (field.IsStatic || !field.IsReadOnly || field.Type is not IArrayTypeSymbol { ElementType: var element } || !IsTableElement(element)))
                context.Report(DiagnosticIds.InstanceField, Syntax(field), $"[LookupTable] '{field.Name}' must be a readonly instance field holding an array of integers or of Int, UInt, Fixed or UFixed values");
            else if (!isTable && !field.IsStatic)
                context.Report(DiagnosticIds.InstanceField, Syntax(field), field.Name);
        }

        var tops = kernel.GetMembers().OfType<IMethodSymbol>().Where(m => KernelInfo.Has(m, "TopAttribute")).ToList();
        if (tops.Count != 1 || !tops[0].ReturnsVoid || tops[0].IsStatic || tops[0].DeclaredAccessibility != Accessibility.Public)
            context.Diagnostics.Add(Locations.At(DiagnosticIds.BadTop.Id, (tops.FirstOrDefault() ?? (ISymbol)kernel).Locations[0],
                $"kernel '{context.Kernel.Name}' needs exactly one public void instance method with [Top] (found {tops.Count})"));
    }

    private static bool IsTableElement(ITypeSymbol element) =>
        element.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_UInt64 || ApTypes.IsTyped(element);

    private static SyntaxNode Syntax(ISymbol symbol) => symbol.DeclaringSyntaxReferences[0].GetSyntax() switch
    {
        VariableDeclaratorSyntax v => v,
        var other => other,
    };
}
