using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;

namespace Accel.Codegen.Frontend;

/// <summary>The interface attributes of a parameter ([MAxi], [ApMemory], [Axis], [ApVld], [ApNone]): at most one,
/// on a parameter of the [Top] method whose type it fits; everything else is ACCEL0056 or ACCEL0057.</summary>
internal sealed partial class FunctionLowering
{
    private static readonly Dictionary<string, InterfaceMode> InterfaceAttributes = new()
    {
        ["Accel.Hw.MAxiAttribute"] = InterfaceMode.Default,
        ["Accel.Hw.ApMemoryAttribute"] = InterfaceMode.ApMemory,
        ["Accel.Hw.AxisAttribute"] = InterfaceMode.Axis,
        ["Accel.Hw.ApVldAttribute"] = InterfaceMode.ApVld,
        ["Accel.Hw.ApNoneAttribute"] = InterfaceMode.ApNone,
    };

    /// <summary>The parameter's one interface attribute and its mode (Default and no attribute when it has none);
    /// false, reported, when it has two, or when a function other than the top carries one ([MAxi] there is
    /// tolerated as it always was: it has no effect).</summary>
    private bool InterfaceOf(IParameterSymbol p, SyntaxNode where, out InterfaceMode mode, out AttributeData? attribute)
    {
        var found = p.GetAttributes().Where(a => a.AttributeClass is { } c && InterfaceAttributes.ContainsKey(c.ToDisplayString())).ToList();
        mode = InterfaceMode.Default;
        attribute = null;
        if (found.Count > 1)
        {
            context.Report(DiagnosticIds.TwoInterfaces, where, $"{string.Join(" and ", found.Select(AttributeName))} on {p.Name}");
            return false;
        }
        if (found.Count == 0) return true;
        var only = found[0];
        if (!isTop)
        {
            if (AttributeName(only) == "[MAxi]") return true;
            context.Report(DiagnosticIds.InterfaceMismatch, only.ApplicationSyntaxReference?.GetSyntax() ?? where,
                $"{AttributeName(only)} on {p.Name}, a parameter of {method.Name}, which is not the [Top] method");
            return false;
        }
        (mode, attribute) = (InterfaceAttributes[only.AttributeClass!.ToDisplayString()], only);
        return true;
    }

    private Variable? MisplacedInterface(IParameterSymbol p, AttributeData attribute, string what)
    {
        var fits = AttributeName(attribute) switch
        {
            "[Axis]" => "a Stream<T>",
            "[MAxi]" or "[ApMemory]" => "an array",
            _ => "a scalar",
        };
        context.Report(DiagnosticIds.InterfaceMismatch, attribute.ApplicationSyntaxReference!.GetSyntax(),
            $"{AttributeName(attribute)} on {p.Name}, {what}: it goes on {fits}");
        return null;
    }

    private static string AttributeName(AttributeData a) => $"[{a.AttributeClass!.Name[..^"Attribute".Length]}]";

    private static SourceSpot Spot(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return new SourceSpot(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }
}
