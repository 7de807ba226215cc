using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;

namespace Accel.Codegen.Frontend;

/// <summary>An m_axi port of structs (`[MAxi("gmem0")] Pixel[] image`): unlike a local struct array it is not
/// replaced by its fields, since Vitis keeps a struct on the interface aggregated (one port of one wide element,
/// <see cref="AggregateLayout"/>). It is one IR port whose element is an <see cref="AggregateType"/>; `image[i].R` is
/// an element access naming its field, and a whole element (`Pixel p = image[i]`, `image[i] = p`) is one access per
/// field, which the schedule counts as one access of the element.</summary>
internal sealed partial class FunctionLowering
{
    private IEnumerable<Variable> LowerStructPort(IParameterSymbol p, ITypeSymbol structType, SyntaxNode where)
    {
        if (!InterfaceOf(p, where, out var mode, out var attribute)) return [];
        if (mode == InterfaceMode.ApMemory)
        {
            context.Report(DiagnosticIds.StructConstruct, where, $"an ap_memory port of struct elements ({structType.Name}[] {p.Name}): make it an m_axi port ([MAxi]), where Vitis aggregates the struct, or pass one ap_memory array per field");
            return [];
        }
        if (attribute is null)
        {
            context.Report(DiagnosticIds.BadPort, where, p.Name);
            return [];
        }
        if (mode != InterfaceMode.Default)
        {
            MisplacedInterface(p, attribute, "an array");
            return [];
        }
        if (ShapeOf(structType) is not { } shape) return [];
        CheckName(shape.Symbol.Name, shape.Symbol.DeclaringSyntaxReferences[0].GetSyntax());
        foreach (var f in shape.Fields) CheckName(f.Name, f.Symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() ?? where);
        // UG1399 ("Structs in the Interface"): a struct on the interface prevents automatic port width resizing, so the
        // port's data width is the padded element, one element a beat, whatever [MAxi]'s WidthBits asks for.
        var element = context.Aggregate(shape);
        var binding = PortBindingOf(attribute) with { WidthBits = 8 * element.Bytes, Source = Spot(attribute.ApplicationSyntaxReference?.GetSyntax() ?? where) };
        var port = Declare(p, new Variable(p.Name, new PortType(element), VariableKind.Port) { Port = binding });
        structVariables[p] = new StructVariable(shape, [], IsArray: true) { Port = port };
        return [port];
    }

    /// <summary>The fields of element <paramref name="index"/> of a port of structs, in declaration order.</summary>
    private static IReadOnlyList<IrExpr> PortElementFields(Variable port, IrExpr index)
    {
        var element = (AggregateType)((PortType)port.Type).Element;
        return element.Fields.Select(f => (IrExpr)new IndexExpr(f.Type, new VarRefExpr(port), index) { Field = f }).ToList();
    }
}
