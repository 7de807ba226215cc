using System.Diagnostics;

namespace Accel.Codegen.Frontend;

/// <summary>Turns an exception the kernel's own C# threw (a division by zero, an index past an array's end) into
/// ACCEL0040 at the kernel source line that threw: the reference run is part of generation and emulation, so
/// a user's bug there is a diagnostic, never a stack trace.</summary>
internal static class KernelExceptions
{
    public static KernelDiagnosticsException ToDiagnostics(Exception thrown, KernelInfo kernel, string phase)
    {
        var (file, line, column) = Where(thrown) ?? DeclarationOf(kernel);
        var entry = DiagnosticIds.KernelThrew;
        var message = $"{entry.Construct} ({phase}: {thrown.GetType().Name}: {thrown.Message}); {entry.Hint}";
        return new KernelDiagnosticsException([new Diagnostic(entry.Id, file, line, column, message)], thrown);
    }

    /// <summary>The innermost frame with source information: kernels are compiled with their PDB, so that is
    /// the kernel (or kernel-library) line that threw.</summary>
    private static (string, int, int)? Where(Exception thrown)
    {
        foreach (var frame in new StackTrace(thrown, fNeedFileInfo: true).GetFrames())
            if (frame.GetFileName() is { Length: > 0 } file && frame.GetFileLineNumber() > 0)
                return (file, frame.GetFileLineNumber(), Math.Max(frame.GetFileColumnNumber(), 1));
        return null;
    }

    private static (string, int, int) DeclarationOf(KernelInfo kernel)
    {
        var span = kernel.Symbol.Locations[0].GetLineSpan();
        return (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }
}
