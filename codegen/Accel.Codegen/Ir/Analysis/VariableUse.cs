using System.Runtime.CompilerServices;
using Accel.Codegen.Passes;

namespace Accel.Codegen.Ir.Analysis;

/// <summary>Which variables a kernel reads and which arrays it writes, from the IR alone (no flag on the variable
/// that lowering and a check must remember to set). Written: an array some assignment stores an element of, or
/// passes to a callee that writes the parameter in that position (followed through calls until nothing changes).
/// Read: any variable the IR refers to, as a value or as the array an element is stored in. Streams: which ones a
/// kernel reads from and which it writes to (an [Axis] port's direction), through callees the same way. Computed once
/// per kernel; variables by identity.</summary>
public sealed class VariableUse
{
    private static readonly ConditionalWeakTable<IrKernel, VariableUse> Computed = new();

    private readonly HashSet<Variable> written = new();
    private readonly HashSet<Variable> read = new();
    private readonly HashSet<Variable> streamsRead = new();
    private readonly HashSet<Variable> streamsWritten = new();

    public static VariableUse Of(IrKernel kernel) => Computed.GetValue(kernel, k => new VariableUse(k));

    public bool IsWritten(Variable v) => written.Contains(v);

    public bool IsRead(Variable v) => read.Contains(v);

    /// <summary>A stream some function reads from (Read), directly or in a callee it is passed to.</summary>
    public bool ReadsStream(Variable stream) => streamsRead.Contains(stream);

    /// <summary>A stream some function writes to (Write), directly or in a callee it is passed to.</summary>
    public bool WritesStream(Variable stream) => streamsWritten.Contains(stream);

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
                    if (call.Arguments[i] is VarRefExpr { Variable: var passed })
                        foreach (var set in new[] { written, streamsRead, streamsWritten })
                            if (set.Contains(callee.Parameters[i])) changed |= set.Add(passed);
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

        public override bool VisitIntrinsic(IntrinsicExpr e)
        {
            if (e.Arguments is [VarRefExpr { Variable: var stream }, ..])
            {
                if (e.Intrinsic == Intrinsic.StreamRead) use.streamsRead.Add(stream);
                if (e.Intrinsic == Intrinsic.StreamWrite) use.streamsWritten.Add(stream);
            }
            return base.VisitIntrinsic(e);
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
