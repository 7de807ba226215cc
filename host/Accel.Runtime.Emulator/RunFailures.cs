using Accel.Codegen.Frontend;
using Accel.Emulation;
using Accel.Codegen.Reference;

namespace Accel.Runtime.Emulator;

/// <summary>Why an emulated run ended in the Error state, in words that point at the likely cause.</summary>
internal static class RunFailures
{
    public static string Describe(Exception? failure) => failure switch
    {
        null => "",
        DeadlockException e => e.Message,
        // The kernel's own C# indexed past an array: on a card it would read or write beyond the buffer.
        KernelFaultException { InnerException: IndexOutOfRangeException } e =>
            $"the kernel accessed an array argument out of bounds ({e.Message}); is every buffer as long as the kernel reads and writes with these scalar arguments?",
        _ => $"{failure.GetType().Name}: {failure.Message}",
    };
}
