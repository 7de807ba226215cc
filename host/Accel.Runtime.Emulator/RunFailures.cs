using Accel.Emulation;

namespace Accel.Runtime.Emulator;

/// <summary>Why an emulated run ended in the Error state, in words that point at the likely cause.</summary>
internal static class RunFailures
{
    public static string Describe(Exception? failure) => failure switch
    {
        null => "",
        DeadlockException e => e.Message,
        // The kernel's own C# indexed past an array: on a card it would read or write beyond the buffer.
        IndexOutOfRangeException e => $"the kernel accessed an array argument out of bounds ({e.Message.TrimEnd('.')}" +
                                      $"{Where(e)}); is every buffer as long as the kernel reads and writes with these scalar arguments?",
        // The reference run reports the kernel's own exception as ACCEL0040 at its line: describe the cause, then say where.
        Codegen.KernelDiagnosticsException { InnerException: { } cause } k => $"{Describe(cause)} [{k.Diagnostics[0].File}:{k.Diagnostics[0].Line}]",
        _ => $"{failure.GetType().Name}: {failure.Message}",
    };

    private static string Where(Exception e) =>
        e.TargetSite is { } method ? $" in {method.DeclaringType?.Name}.{method.Name}" : "";
}
