using Accel.Codegen.Ir;
using Accel.Codegen.Passes;

namespace Accel.Emulation.Kernels;

/// <summary>Which array parameters of sub-functions are ports: a parameter that receives a port (or another
/// such parameter) in some call. Followed until nothing changes, so ports passed down several levels count.</summary>
internal sealed class PortAliases : IrWalker
{
    private readonly Dictionary<string, IrFunction> functions;
    private readonly Dictionary<Variable, PortBinding> aliases = new();
    private bool changed;

    private PortAliases(IrKernel kernel) => functions = kernel.Functions.ToDictionary(f => f.Name);

    public static IReadOnlyDictionary<Variable, PortBinding> Of(IrKernel kernel)
    {
        var finder = new PortAliases(kernel);
        do
        {
            finder.changed = false;
            foreach (var f in kernel.Functions) finder.Walk(f);
        } while (finder.changed);
        return finder.aliases;
    }

    public override bool VisitCall(CallExpr e)
    {
        if (functions.TryGetValue(e.Callee, out var callee))
            for (int i = 0; i < e.Arguments.Count && i < callee.Parameters.Count; i++)
                if (e.Arguments[i] is VarRefExpr { Variable: var v } && (v.Port ?? aliases.GetValueOrDefault(v)) is { } port
                    && aliases.TryAdd(callee.Parameters[i], port))
                    changed = true;
        return base.VisitCall(e);
    }
}
