using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;

namespace Accel.Codegen.Passes;

/// <summary>Directive arguments that only the whole kernel fixes: a DEPENDENCE distance written as an expression
/// of the function's parameters (`distance: (headDim + lanes - 1) / lanes`) becomes the number every call gives
/// it in this configuration, which the HLS pragma prints and the emulator schedules with.</summary>
public static class DirectiveArguments
{
    public static void Resolve(IrKernel kernel, DiagnosticBag diagnostics)
    {
        IReadOnlyDictionary<Variable, long>? constants = null;
        foreach (var function in kernel.Functions)
            foreach (var directive in Dependences(function.Body).Where(d => d.DistanceExpression is not null))
            {
                constants ??= ConstantArguments.Of(kernel);
                var value = ConstantFolder.Of(constants).Wrapped(directive.DistanceExpression!);
                if (value is >= 0 and <= int.MaxValue)
                {
                    directive.Distance = (int)value;
                    continue;
                }
                var entry = DiagnosticIds.DirectiveArgument;
                diagnostics.Add(new Diagnostic(entry.Id, directive.Source.File, directive.Source.Line, directive.Source.Column,
                    $"{entry.Construct}: Hls.Dependence: the distance of '{directive.Array.Name}' is not one number in this configuration" +
                    (value is long known ? $" (it is {known})" : "") +
                    "; write a literal, a kernel parameter, or an expression of parameters that every call passes the same constant"));
            }
    }

    private static IEnumerable<DependenceDirective> Dependences(IrStmt statement) => statement switch
    {
        BlockStmt b => b.Statements.SelectMany(Dependences),
        IfStmt i => Dependences(i.Then).Concat(i.Else is null ? [] : Dependences(i.Else)),
        ForStmt f => Dependences(f.Body),
        WhileStmt w => Dependences(w.Body),
        DirectiveStmt { Directive: DependenceDirective d } => [d],
        _ => [],
    };
}
