using Accel.Cli.Limits;
using Accel.Codegen;
using Accel.Codegen.Frontend;
using Accel.Emulation;
using Accel.Omap;
using Accel.Resources;
using Accel.Runtime.Devices;
using Accel.Runtime.Xclbin;
using Accel.Runtime.Xrt;
using Accel.Testbenches;
using Accel.Codegen.Reference;

namespace Accel.Cli;

/// <summary>The one place where an exception becomes an exit code. Bad usage and bad input exit 2, a failed
/// check (and the kernel's own C# throwing) exits 1, anything else is a bug in Accel and exits 70.</summary>
public static class ErrorMap
{
    public enum Kind { BadInput, CheckFailed, KernelFault, Internal }

    public static Kind Classify(Exception e) => e switch
    {
        UsageException or KernelParameterException or KernelDiagnosticsException or ToolMissingException or Codegen.Backends.OutputWriteException
            or XclbinFormatException or XrtUnavailableException or XrtException or DeviceArgumentException
            or CsynthReportException or EdgeMoe.Weights.SafetensorsException or FileNotFoundException or DirectoryNotFoundException => Kind.BadInput,
        KernelFaultException => Kind.KernelFault,
        DeadlockException or RunFailedException or RunTimeoutException or OmapException or BudgetExceededException or ToolRunException => Kind.CheckFailed,
        _ => Kind.Internal,
    };

    public static int ExitCode(Kind kind) => kind switch
    {
        Kind.BadInput => ExitCodes.BadInput,
        Kind.CheckFailed or Kind.KernelFault => ExitCodes.CheckFailed,
        _ => ExitCodes.InternalError,
    };

    /// <summary>What the user reads on stderr: the message, and for a bug one line to report (the stack only when asked).</summary>
    public static IEnumerable<string> Report(string verb, Exception e, bool verbose)
    {
        var kind = Classify(e);
        if (e is KernelDiagnosticsException diagnostics)
        {
            foreach (var d in diagnostics.Diagnostics) yield return d.ToString();
            yield return $"accel {verb}: {diagnostics.Diagnostics.Count} problem(s) in the kernel source; nothing was written";
        }
        else if (kind == Kind.Internal)
        {
            yield return $"accel {verb}: internal error ({e.GetType().Name}): {e.Message}";
            yield return verbose ? e.ToString() : "this is a bug in Accel: please report it with the command line and the kernel source (--verbose prints the stack)";
        }
        else
        {
            yield return $"accel {verb}: {e.Message}";
            if (verbose) yield return e.ToString();
        }
    }
}
