using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

using Accel.Codegen.Frontend;

namespace Accel.Codegen.Reference;

/// <summary>An optimised build's line table can point a fault at a neighbouring statement (the loop header for a
/// fault in its body), so a fault is located by re-running the same call on a debug build of the kernel's
/// compilation, once, on the failure path only.</summary>
internal static class KernelFaultLocator
{
    private static readonly ConditionalWeakTable<Compilation, Assembly?> DebugBuilds = new();

    public static KernelFaultException Precise(KernelFaultException fault, KernelActivator failed, Action<KernelActivator> rerun)
    {
        if (failed.Kernel.Compilation is not { } compilation || DebugBuild(compilation)?.GetType(failed.Kernel.RuntimeType.FullName!) is not { } debugType
            || debugType == failed.Kernel.RuntimeType)
            return fault;
        try
        {
            rerun(new KernelActivator(failed.Kernel with { RuntimeType = debugType, Compilation = null }, failed.Config));
        }
        catch (KernelFaultException located) when (located.Location is not null && located.InnerException?.GetType() == fault.InnerException?.GetType())
        {
            return located;
        }
        catch (Exception)
        {
            // the debug run failed differently: keep what the original run said
        }
        return fault;
    }

    private static Assembly? DebugBuild(Compilation compilation)
    {
        lock (DebugBuilds)
            return DebugBuilds.GetValue(compilation, c => KernelProject.LoadInMemory(
                c.WithAssemblyName(c.AssemblyName + "_debug").WithOptions(c.Options.WithOptimizationLevel(OptimizationLevel.Debug))).Assembly);
    }
}
