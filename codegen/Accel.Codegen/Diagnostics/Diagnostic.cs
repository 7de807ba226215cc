namespace Accel.Codegen;

/// <summary>A problem in a kernel, at a place in its C# source. Printed as
/// <c>ACCEL0010 File.cs:12:9: LINQ is not supported in a kernel; write an explicit for loop</c>.</summary>
public sealed record Diagnostic(string Id, string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{Id} {File}:{Line}:{Column}: {Message}";
}

/// <summary>Collects diagnostics so that one run reports every problem, not only the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = new();

    public IReadOnlyList<Diagnostic> Items => items;
    public bool HasErrors => items.Count > 0;

    public void Add(Diagnostic diagnostic)
    {
        if (!items.Contains(diagnostic)) items.Add(diagnostic);
    }
}

/// <summary>Thrown by the pipeline's entry points when a kernel has diagnostics: callers print them and write no C++.</summary>
/// <param name="cause">the kernel's own exception, for ACCEL0040</param>
public sealed class KernelDiagnosticsException(IReadOnlyList<Diagnostic> diagnostics, Exception? cause = null)
    : Exception(string.Join(Environment.NewLine, diagnostics), cause)
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
