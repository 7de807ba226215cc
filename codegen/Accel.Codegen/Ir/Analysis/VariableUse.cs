using System.Runtime.CompilerServices;
using Accel.Codegen.Passes;

namespace Accel.Codegen.Ir.Analysis;

/// <summary>Which variables a kernel reads and which arrays it writes, from the IR alone (no flag on the variable
/// that lowering and a check must remember to set). Written: an array some assignment stores an element of, or
/// passes to a callee that writes the parameter in that position (followed through calls until nothing changes).
/// Read: any variable the IR refers to, as a value or as the array an element is stored in. Computed once per
/// kernel; variables by identity.</summary>
public sealed class VariableUse
{
    private static readonly ConditionalWeakTable<IrKernel, VariableUse> Computed = new();

    private readonly HashSet<Variable> written = new();
    private readonly HashSet<Variable> read = new();

    public static VariableUse Of(IrKernel kernel) => Computed.GetValue(kernel, k => new VariableUse(k));

    public bool IsWritten(Variable v) => written.Contains(v);

    public bool IsRead(Variable v) => read.Contains(v);

    private VariableUse(IrKernel kernel)
    {
        var calls = new List<(CallExpr Call, IrFunction Callee)>();
        var functions = kernel.Functions.ToDictionary(f => f.Name);
        foreach (var f in kernel.Functions)
            new Collector(this, calls, functions).Walk(f);
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var (call, callee) in calls)
                for (int i = 0; i < call.Arguments.Count && i < callee.Parameters.Count; i++)
                    if (written.Contains(callee.Parameters[i]) && call.Arguments[i] is VarRefExpr { Variable: var passed })
                        changed |= written.Add(passed);
        }
    }

    private sealed class Collector(VariableUse use, List<(CallExpr, IrFunction)> calls, Dictionary<string, IrFunction> functions) : IrWalker
    {
        public override void VisitAssign(AssignStmt s)
        {
            if (s.Target is IndexExpr { Array: VarRefExpr { Variable: var array } }) use.written.Add(array);
            base.VisitAssign(s);
        }

        public override bool VisitVarRef(VarRefExpr e)
        {
            use.read.Add(e.Variable);
            return base.VisitVarRef(e);
        }

        public override void VisitDirective(DirectiveStmt s)
        {
            if (s.Directive is DependenceDirective { DistanceExpression: { } distance }) Walk(distance);
        }

        public override bool VisitCall(CallExpr e)
        {
            if (functions.TryGetValue(e.Callee, out var callee)) calls.Add((e, callee));
            return base.VisitCall(e);
        }
    }
}
