using Accel.Codegen.Ir;

namespace Accel.Codegen.Passes;

/// <summary>Checks that need the whole kernel: no recursion, and no call with side effects (a stream operation, or
/// a function that writes an array it is passed) inside a larger expression (C++ leaves the order of evaluation
/// open where C# fixes it left to right), and an [Axis] stream has one direction.</summary>
public static class KernelChecks
{
    public static void Run(IrKernel kernel, IReadOnlyDictionary<IrExpr, (string File, int Line, int Column)> sites, DiagnosticBag diagnostics)
    {
        var calls = kernel.Functions.ToDictionary(f => f.Name, f => CallCollector.Collect(f));

        foreach (var function in kernel.Functions)
            if (FindCycle(function.Name, calls) is { } cycle)
            {
                var site = sites[cycle.Call];
                diagnostics.Add(new Diagnostic(DiagnosticIds.Recursion.Id, site.File, site.Line, site.Column,
                    $"{DiagnosticIds.Recursion.Construct} ({string.Join(" -> ", cycle.Path)}) is not supported in a kernel; {DiagnosticIds.Recursion.Hint}"));
                return;
            }

        var use = Ir.Analysis.VariableUse.Of(kernel);
        foreach (var axis in TopInterfaces.AxisStreams(kernel).Where(a => use.ReadsStream(a) == use.WritesStream(a)))
            diagnostics.Add(new Diagnostic(DiagnosticIds.AxisDirection.Id, axis.Declared.File, axis.Declared.Line, axis.Declared.Column,
                $"{DiagnosticIds.AxisDirection.Construct} ({axis.Name} is {(use.ReadsStream(axis) ? "read and written" : "neither read nor written")}) is not supported in a kernel; {DiagnosticIds.AxisDirection.Hint}"));

        var impure = new HashSet<string>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var f in kernel.Functions)
                if (!impure.Contains(f.Name) && (f.Parameters.Any(p => use.IsWritten(p) && p.Kind is VariableKind.ArrayParam or VariableKind.Port)
                    || calls[f.Name].Any(c => c.Intrinsic is { } i && i.HasSideEffects() || c.Callee is { } n && impure.Contains(n))))
                    changed = impure.Add(f.Name);
        }
        foreach (var f in kernel.Functions)
            foreach (var nested in NestedCallFinder.Find(f))
                if (nested is IntrinsicExpr { Intrinsic: var i } && i.HasSideEffects() || nested is CallExpr c && impure.Contains(c.Callee))
                {
                    var site = sites[nested];
                    diagnostics.Add(new Diagnostic(DiagnosticIds.ImpureCallInExpression.Id, site.File, site.Line, site.Column, DiagnosticIds.ImpureCallInExpression.Unsupported));
                }
    }

    private sealed record Cycle(IReadOnlyList<string> Path, CallExpr Call);

    private static Cycle? FindCycle(string start, Dictionary<string, List<CallCollector.Site>> calls)
    {
        var path = new List<string> { start };
        return Visit(start);

        Cycle? Visit(string current)
        {
            foreach (var call in calls[current])
            {
                if (call.Callee is not { } callee || call.Expr is not CallExpr expr) continue;
                if (callee == start) return new Cycle([.. path, callee], expr);
                if (path.Contains(callee)) continue;
                path.Add(callee);
                if (Visit(callee) is { } found) return found;
                path.RemoveAt(path.Count - 1);
            }
            return null;
        }
    }
}
