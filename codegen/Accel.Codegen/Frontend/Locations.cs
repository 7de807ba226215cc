using Microsoft.CodeAnalysis;

namespace Accel.Codegen.Frontend;

internal static class Locations
{
    public static Diagnostic At(string id, Location location, string message)
    {
        var span = location.GetLineSpan();
        return new Diagnostic(id, span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, message);
    }

    public static Diagnostic At(DiagnosticIds.Entry entry, SyntaxNode node, string? detail = null) =>
        At(entry.Id, node.GetLocation(), detail is null ? entry.Unsupported : $"{entry.Construct} ({detail}) is not supported in a kernel; {entry.Hint}");

    public static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
