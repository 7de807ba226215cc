using Accel.Codegen.Ir;

namespace Accel.Codegen.Passes;

/// <summary>Checks that need the whole kernel: no recursion, which array parameters each function writes (so
/// read-only ports become const), and no call with side effects inside a larger expression (C++ leaves the
/// order of evaluation open where C# fixes it left to right).</summary>
public static class KernelChecks
{
    public static void Run(IrKernel kernel, IReadOnlyDictionary<IrExpr, (string File, int Line, int Column)> sites, DiagnosticBag diagnostics)
    {
        var byName = kernel.Functions.ToDictionary(f => f.Name);
        var calls = kernel.Functions.ToDictionary(f => f.Name, f => CallCollector.Collect(f));

        foreach (var function in kernel.Functions)
            if (FindCycle(function.Name, calls) is { } cycle)
            {
                var site = sites[cycle.Call];
                diagnostics.Add(new Diagnostic(DiagnosticIds.Recursion.Id, site.File, site.Line, site.Column,
                    $"{DiagnosticIds.Recursion.Construct} ({string.Join(" -> ", cycle.Path)}) is not supported in a kernel; {DiagnosticIds.Recursion.Hint}"));
                return;
            }

        PropagateWrites(kernel, byName, calls);

        var impure = new HashSet<string>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var f in kernel.Functions)
                if (!impure.Contains(f.Name) && (f.Parameters.Any(p => p.IsWritten && p.Kind is VariableKind.ArrayParam or VariableKind.Port)
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

    /// <summary>A parameter is written if the function writes it or passes it to a callee that writes its
    /// parameter in that position; iterate until nothing changes.</summary>
    private static void PropagateWrites(IrKernel kernel, Dictionary<string, IrFunction> byName, Dictionary<string, List<CallCollector.Site>> calls)
    {
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var f in kernel.Functions)
                foreach (var call in calls[f.Name])
                {
                    if (call.Expr is not CallExpr { } expr || !byName.TryGetValue(expr.Callee, out var callee)) continue;
                    for (int i = 0; i < expr.Arguments.Count && i < callee.Parameters.Count; i++)
                        if (callee.Parameters[i].IsWritten && expr.Arguments[i] is VarRefExpr { Variable: { IsWritten: false } passed })
                        {
                            passed.IsWritten = true;
                            changed = true;
                        }
                }
        }
    }
}
