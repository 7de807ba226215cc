using Accel.Codegen.Ir;
using Accel.Codegen.Passes;

namespace Accel.Resources.Estimation;

/// <summary>Calls: the callee's body is counted at the call site, in a scope bound to the arguments (so a
/// constant argument folds inside the callee, a narrow one keeps its width, a table argument is that table). Under
/// Hls.Allocation only the first `limit` instances of the function in the directive's block are counted; later
/// calls share them (the multiplexers in front of a shared instance are not counted).</summary>
internal sealed partial class DatapathWalker
{
    /// <summary>The Hls.Allocation limits of the blocks being walked, innermost last.</summary>
    private readonly List<SharedFunction> shared = [];

    private sealed class SharedFunction(string function, long limit)
    {
        public string Function { get; } = function;
        public long Limit { get; } = limit;
        public long Instances { get; set; }
    }

    public override void VisitBlock(BlockStmt s)
    {
        var limits = Directives.Leading(s).OfType<AllocationDirective>().Select(a => new SharedFunction(a.Function, a.Limit)).ToList();
        shared.AddRange(limits);
        base.VisitBlock(s);
        shared.RemoveRange(shared.Count - limits.Count, limits.Count);
    }

    public override bool VisitCall(CallExpr e)
    {
        foreach (var a in e.Arguments) Walk(a);
        if (!functions.TryGetValue(e.Callee, out var callee))
        {
            ledger.Note($"{scope.Name}: call to '{e.Callee}' has no function in the IR; not counted");
            return true;
        }
        long instances = copies;
        if (shared.LastOrDefault(f => f.Function == e.Callee) is { } limit)
        {
            instances = Math.Min(copies, limit.Limit - limit.Instances);
            limit.Instances += instances;
            if (instances == 0) return true;   // every copy of this call runs on an instance counted before
        }
        var (callerScope, callerWidths, callerCopies) = (scope, widths, copies);
        var calleeScope = Bind(callee, e.Arguments, scope, widths);
        (scope, widths, copies) = (calleeScope, new ValueWidths(calleeScope, CallBitsIn(calleeScope)), instances);
        WalkFunction(callee.Body);
        (scope, widths, copies) = (callerScope, callerWidths, callerCopies);
        return true;
    }

    /// <summary>The bits a call's result needs: the widest value its callee returns, bound at that call.</summary>
    private Func<CallExpr, int> CallBitsIn(FunctionScope caller) => call =>
    {
        if (!callBits.TryGetValue(caller, out var known)) callBits[caller] = known = new(ReferenceEqualityComparer.Instance);
        if (known.TryGetValue(call, out int bits)) return bits;
        bits = ValueWidths.TypeBits(call.Type);
        if (functions.TryGetValue(call.Callee, out var callee))
        {
            var bound = Bind(callee, call.Arguments, caller, new ValueWidths(caller, CallBitsIn(caller)));
            var returned = new ReturnValues();
            returned.Walk(callee);
            var calleeWidths = new ValueWidths(bound, CallBitsIn(bound));
            if (returned.Values.Count > 0) bits = Math.Min(bits, returned.Values.Max(calleeWidths.Of));
        }
        return known[call] = bits;
    };

    private sealed class ReturnValues : IrWalker
    {
        public List<IrExpr> Values { get; } = [];

        public override void VisitReturn(ReturnStmt s)
        {
            if (s.Value is not null) Values.Add(s.Value);
        }
    }

    /// <summary>The callee's scope at this call: constant arguments make static parameters, the others give
    /// their widths, and array arguments bring the caller's table or register array along.</summary>
    private FunctionScope Bind(IrFunction callee, IReadOnlyList<IrExpr> arguments, FunctionScope caller, ValueWidths callerWidths)
    {
        var bound = new FunctionScope(callee);
        var parameterBits = new Dictionary<Variable, int>();
        for (int i = 0; i < callee.Parameters.Count && i < arguments.Count; i++)
        {
            var (p, arg) = (callee.Parameters[i], arguments[i]);
            switch (arg)
            {
                case TableRefExpr t:
                    bound.Tables[p] = t.Table;
                    break;
                case VarRefExpr { Variable: var a } when caller.Tables.TryGetValue(a, out var table):
                    bound.Tables[p] = table;
                    break;
                case VarRefExpr { Variable: var a } when caller.RegisterArrays.TryGetValue(a, out long length):
                    bound.RegisterArrays[p] = length;
                    break;
                case var _ when !bound.Assigned.Contains(p) && StaticValues.IsStatic(arg, caller):
                    bound.Statics[p] = caller.Values.Wrapped(arg);
                    break;
                default:
                    if (p.Type is IntType or BoolType) parameterBits[p] = callerWidths.Of(arg);
                    break;
            }
        }
        ValueWidths.Solve(bound, parameterBits, CallBitsIn(bound));
        return bound;
    }
}
