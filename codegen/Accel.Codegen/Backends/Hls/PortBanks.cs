using Accel.Codegen.Ir;

namespace Accel.Codegen.Backends.Hls;

/// <summary>Every m_axi port's bank exists on the target board (ACCEL0041 at the [MAxi] attribute otherwise).
/// `gen` checks before writing link.cfg and `emulate` before mapping ports to memory channels.</summary>
public static class PortBanks
{
    public static void Check(IrKernel kernel, Board board)
    {
        var entry = DiagnosticIds.MissingBank;
        var problems = kernel.Top.Parameters
            .Where(p => p.Port is { } port && !board.HasBank(port.Bank))
            .Select(p => new Diagnostic(entry.Id, p.Port!.Source.File, p.Port.Source.Line, p.Port.Source.Column,
                $"{entry.Construct} (port {p.Name} is bound to {p.Port.Bank}, which {board.Name} does not have); {entry.Hint}"))
            .ToList();
        if (problems.Count > 0) throw new KernelDiagnosticsException(problems);
    }
}
