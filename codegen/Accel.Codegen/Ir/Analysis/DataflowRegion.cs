namespace Accel.Codegen.Ir.Analysis;

/// <summary>The processes of a dataflow top: the statements of its body that call a kernel function, in call
/// order (UG1399's canonical form). The emulator's timing, its ping-pong buffers and its source rewriter all number
/// processes from this one list, so process k is the same call everywhere.</summary>
public static class DataflowRegion
{
    public static bool IsDataflow(IrFunction top) => Directives.Find<DataflowDirective>(top.Body) is not null;

    /// <summary>The process calls of the top, in order; empty when the top is not a dataflow region.</summary>
    public static IReadOnlyList<ExprStmt> ProcessCalls(IrKernel kernel)
    {
        if (!IsDataflow(kernel.Top)) return [];
        var functions = kernel.Functions.Select(f => f.Name).ToHashSet();
        return kernel.Top.Body.Statements.OfType<ExprStmt>().Where(s => s.Expression is CallExpr c && functions.Contains(c.Callee)).ToList();
    }

    public static CallExpr Call(ExprStmt process) => (CallExpr)process.Expression;
}
