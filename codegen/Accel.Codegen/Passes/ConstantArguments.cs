using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;

namespace Accel.Codegen.Passes;

/// <summary>Scalar parameters of sub-functions that every call passes the same constant (a literal, a kernel
/// parameter, or another such parameter): Vitis propagates those into the callee, so a loop bounded by one
/// (`for (l = 0; l &lt; lanes; l++)` with lanes always 8) has a constant trip count and can be unrolled.</summary>
public sealed class ConstantArguments : IrWalker
{
    private readonly Dictionary<string, IrFunction> functions;
    private readonly Dictionary<Variable, long?> values = new(); // null: not one constant
    private bool changed;

    private ConstantArguments(IrKernel kernel) => functions = kernel.Functions.ToDictionary(f => f.Name);

    public static IReadOnlyDictionary<Variable, long> Of(IrKernel kernel)
    {
        var finder = new ConstantArguments(kernel);
        for (int round = 0; round < 64; round++)
        {
            finder.changed = false;
            foreach (var f in kernel.Functions) finder.Walk(f);
            if (!finder.changed) break;
        }
        return finder.values.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.Value);
    }

    public override bool VisitCall(CallExpr e)
    {
        if (functions.TryGetValue(e.Callee, out var callee))
        {
            for (int i = 0; i < e.Arguments.Count && i < callee.Parameters.Count; i++)
            {
                var parameter = callee.Parameters[i];
                if (parameter.Type is not (IntType or BoolType)) continue;
                var form = AffineIndex.Of(e.Arguments[i], v => values.TryGetValue(v, out var c) && c is { } x ? AffineIndex.Of(x) : null);
                long? value = form is { IsConstant: true } ? form.Constant : null;
                if (!values.TryGetValue(parameter, out var known)) Set(parameter, value);
                else if (known is not null && known != value) Set(parameter, null);
            }
        }
        return base.VisitCall(e);
    }

    private void Set(Variable parameter, long? value)
    {
        values[parameter] = value;
        changed = true;
    }
}
