using Accel.Codegen.Ir;
using Accel.Codegen.Passes;
using Microsoft.CodeAnalysis;
using Accel.Codegen.Reference;

namespace Accel.Codegen.Frontend;

/// <summary>Lowers one kernel at one configuration from C# to the IR: the class shape first (parameters,
/// tables, constants, top), then every function reachable from the top, then the checks that need the whole
/// kernel. All problems are collected; any problem means no IR.</summary>
public static class KernelLowering
{
    public static IrKernel Lower(KernelProject project, KernelActivator activator)
    {
        var kernel = activator.Kernel;
        var context = new LoweringContext(project.Compilation, kernel, activator.Config, activator);
        ClassShape.Check(context);
        var top = kernel.Top;
        var functions = new List<IrFunction>();
        if (top is not null)
        {
            context.ClaimName(LoweringContext.FunctionName(top, kernel.Symbol), top);
            context.EnqueueFunction(top);
            while (context.NextFunction() is { } method)
                if (new FunctionLowering(context, method, SymbolEqualityComparer.Default.Equals(method, top)).Lower() is { } function)
                    functions.Add(function);
        }
        if (context.Diagnostics.HasErrors) throw new KernelDiagnosticsException(context.Diagnostics.Items);

        var ir = new IrKernel(kernel.Name, kernel.Symbol.Name, kernel.SourceFile,
            context.Params, context.UsedConstants, context.UsedTables, functions);
        KernelChecks.Run(ir, context.CallSites, context.Diagnostics);
        DirectiveArguments.Resolve(ir, context.Diagnostics);
        if (context.Diagnostics.HasErrors) throw new KernelDiagnosticsException(context.Diagnostics.Items);
        IrVerifier.Verify(ir);
        return ir;
    }
}
