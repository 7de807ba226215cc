namespace Accel.Codegen.Backends.Rtl;

/// <summary>Every construct the RTL back end cannot print yet is reported here, at its source line, without
/// throwing, so one run lists every problem; <see cref="ThrowIfAny"/> then stops before any Verilog is written.</summary>
internal sealed class RtlRejections(string sourceFile)
{
    private readonly DiagnosticBag bag = new();

    public bool Any => bag.HasErrors;

    public void Report(int line, string construct) =>
        bag.Add(new Diagnostic(DiagnosticIds.RtlUnsupported.Id, Path.GetFileName(sourceFile), line, 1,
            $"{construct} is not supported by the RTL back end yet; {DiagnosticIds.RtlUnsupported.Hint}"));

    public void ThrowIfAny()
    {
        if (bag.HasErrors) throw new KernelDiagnosticsException(bag.Items);
    }
}
