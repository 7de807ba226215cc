using System.Runtime.CompilerServices;
using Accel.Codegen.Passes;

namespace Accel.Codegen.Ir.Analysis;

/// <summary>Which streams a kernel reads and which it writes, through the functions they are passed to (followed
/// until nothing changes): an [Axis] port's direction is what the kernel does with it. Computed once per kernel;
/// variables by identity.</summary>
public sealed class StreamDirections
{
    private static readonly ConditionalWeakTable<IrKernel, StreamDirections> Computed = new();

    private readonly HashSet<Variable> read = new();
    private readonly HashSet<Variable> written = new();

    public static StreamDirections Of(IrKernel kernel) => Computed.GetValue(kernel, k => new StreamDirections(k));

    public bool IsRead(Variable stream) => read.Contains(stream);

    public bool IsWritten(Variable stream) => written.Contains(stream);

    private StreamDirections(IrKernel kernel)
    {
        var functions = kernel.Functions.ToDictionary(f => f.Name);
        var calls = new List<(CallExpr Call, IrFunction Callee)>();
        foreach (var f in kernel.Functions) new Collector(this, calls, functions).Walk(f);
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var (call, callee) in calls)
                for (int i = 0; i < call.Arguments.Count && i < callee.Parameters.Count; i++)
                    if (call.Arguments[i] is VarRefExpr { Variable.Type: StreamType } passed)
                    {
                        if (read.Contains(callee.Parameters[i])) changed |= read.Add(passed.Variable);
                        if (written.Contains(callee.Parameters[i])) changed |= written.Add(passed.Variable);
                    }
        }
    }

    private sealed class Collector(StreamDirections owner, List<(CallExpr, IrFunction)> calls, Dictionary<string, IrFunction> functions) : IrWalker
    {
        public override bool VisitIntrinsic(IntrinsicExpr e)
        {
            if (e.Arguments is [VarRefExpr { Variable: var stream }, ..])
            {
                if (e.Intrinsic == Intrinsic.StreamRead) owner.read.Add(stream);
                if (e.Intrinsic == Intrinsic.StreamWrite) owner.written.Add(stream);
            }
            return base.VisitIntrinsic(e);
        }

        public override bool VisitCall(CallExpr e)
        {
            if (functions.TryGetValue(e.Callee, out var callee)) calls.Add((e, callee));
            return base.VisitCall(e);
        }
    }
}
