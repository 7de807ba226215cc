using System.Runtime.CompilerServices;
using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Devices;

/// <summary>
/// What a kernel argument accepts, decided from the xclbin alone so every backend refuses the same
/// things with the same words: unknown names, buffers in banks the argument cannot reach, values of
/// the wrong size or type.
/// </summary>
public static class ArgumentRules
{
    public static KernelArgument Resolve(XclbinKernel kernel, string argumentName) =>
        kernel.FindArgument(argumentName)
        ?? throw new DeviceArgumentException(
            $"kernel '{kernel.Name}' has no argument '{argumentName}'; its arguments are " +
            (kernel.Arguments.Count == 0 ? "none" : string.Join(", ", kernel.Arguments.Select(a => a.Name))),
            nameof(argumentName));

    /// <summary>
    /// Banks a buffer for <paramref name="argument"/> may live in: those connected to it in every compute
    /// unit, so whichever unit runs the kernel can reach the buffer.
    /// </summary>
    public static IReadOnlyList<int> ConnectedBanks(XclbinKernel kernel, KernelArgument argument)
    {
        if (kernel.ComputeUnits.Count == 0)
            return [];
        IEnumerable<int> banks = kernel.ComputeUnits[0].BanksOf(argument.Index);
        foreach (var unit in kernel.ComputeUnits.Skip(1))
            banks = banks.Intersect(unit.BanksOf(argument.Index));
        return banks.Distinct().Order().ToList();
    }

    /// <summary>The highest-numbered connected bank: the bank XRT 2.13 reports as the argument's group id.</summary>
    public static int DefaultBank(XclbinKernel kernel, KernelArgument argument)
    {
        RequireMemoryArgument(kernel, argument);
        var banks = ConnectedBanks(kernel, argument);
        return banks.Count > 0
            ? banks[^1]
            : throw new DeviceArgumentException(
                $"kernel '{kernel.Name}' argument '{argument.Name}' is connected to no memory bank " +
                (kernel.ComputeUnits.Count == 0 ? "(the kernel has no compute units)" : "shared by all its compute units"));
    }

    /// <summary>Checks a requested bank (or picks the default) for a buffer of <paramref name="argument"/>.</summary>
    public static int BankFor(XclbinKernel kernel, KernelArgument argument, int? requested)
    {
        var fallback = DefaultBank(kernel, argument);
        if (requested is null)
            return fallback;
        var banks = ConnectedBanks(kernel, argument);
        return banks.Contains(requested.Value)
            ? requested.Value
            : throw new DeviceArgumentException(
                $"kernel '{kernel.Name}' argument '{argument.Name}' is not connected to bank {requested}; " +
                $"it is connected to bank(s) {string.Join(", ", banks)}");
    }

    /// <summary>Checks that buffers of <typeparamref name="T"/> suit the argument's pointer or stream type, when the
    /// spelling is known.</summary>
    public static void CheckElementType<T>(XclbinKernel kernel, KernelArgument argument) where T : unmanaged =>
        CheckElementType(kernel, argument, typeof(T));

    public static void CheckElementType(XclbinKernel kernel, KernelArgument argument, Type elementType)
    {
        if (argument.Kind != ArgumentKind.Stream) RequireMemoryArgument(kernel, argument);
        var pointee = CTypeNames.PointeeOf(argument.Type);
        var expected = pointee is null ? null : CTypeNames.ManagedTypeOf(pointee);
        if (expected is not null && expected != elementType)
            throw new DeviceArgumentException(
                $"kernel '{kernel.Name}' argument '{argument.Name}' is '{argument.Type}'; it takes a buffer of {expected.Name}, not {elementType.Name}");
    }

    /// <summary>Checks a buffer passed to <paramref name="argument"/>: a memory argument, a connected bank, a matching element type.</summary>
    public static void CheckBuffer(XclbinKernel kernel, KernelArgument argument, IBuffer buffer)
    {
        CheckElementType(kernel, argument, buffer.ElementType);
        var banks = ConnectedBanks(kernel, argument);
        if (!banks.Contains(buffer.BankIndex))
            throw new DeviceArgumentException(
                $"kernel '{kernel.Name}' argument '{argument.Name}' cannot reach bank {buffer.BankIndex}, where the buffer lives; " +
                $"it is connected to bank(s) {string.Join(", ", banks)}");
    }

    /// <summary>Checks a scalar value of <typeparamref name="T"/> for <paramref name="argument"/>.</summary>
    public static void CheckScalar<T>(XclbinKernel kernel, KernelArgument argument) where T : unmanaged
    {
        if (argument.Kind != ArgumentKind.Scalar)
            throw new DeviceArgumentException(
                $"kernel '{kernel.Name}' argument '{argument.Name}' is a {argument.Kind} argument ('{argument.Type}'); pass a buffer, not a {typeof(T).Name} value");
        var expectedBytes = argument.HostSize != 0 ? argument.HostSize : argument.Size;
        if (Unsafe.SizeOf<T>() != expectedBytes)
            throw new DeviceArgumentException(
                $"kernel '{kernel.Name}' argument '{argument.Name}' is '{argument.Type}' of {expectedBytes} bytes; a {typeof(T).Name} has {Unsafe.SizeOf<T>()}");
        var expected = CTypeNames.ManagedTypeOf(argument.Type);
        if (expected is not null && expected != typeof(T))
            throw new DeviceArgumentException(
                $"kernel '{kernel.Name}' argument '{argument.Name}' is '{argument.Type}'; pass a {expected.Name}, not a {typeof(T).Name}");
    }

    /// <summary>XRT cannot write or read a kernel's axis port from host memory: v++ wires it to another kernel
    /// (stream_connect), and Accel's xclbins hold one kernel, so its stream would never move. The XRT backend refuses
    /// such a kernel when it is opened, naming the port; the emulator drives axis ports from host buffers.</summary>
    public static void RequireNoStreams(XclbinKernel kernel, string device)
    {
        if (kernel.Arguments.FirstOrDefault(a => a.Kind == ArgumentKind.Stream) is { } stream)
            throw new DeviceArgumentException(
                $"kernel '{kernel.Name}' argument '{stream.Name}' is an axis stream port: XRT on {device} cannot feed or drain it from host " +
                "memory, and this xclbin connects it to no other kernel; link it to a producer or consumer kernel (link.cfg's stream_connect) " +
                "or run the kernel on the emulator (device \"emu\"), which drives axis ports from host buffers");
    }

    /// <summary>Arguments the host must set before a start: scalars and memory pointers (streams are wired in hardware).</summary>
    public static bool HostSets(KernelArgument argument) =>
        argument.Kind is ArgumentKind.Scalar or ArgumentKind.Global or ArgumentKind.Constant;

    private static void RequireMemoryArgument(XclbinKernel kernel, KernelArgument argument)
    {
        if (argument.Kind is not (ArgumentKind.Global or ArgumentKind.Constant))
            throw new DeviceArgumentException(
                $"kernel '{kernel.Name}' argument '{argument.Name}' is a {argument.Kind} argument ('{argument.Type}'); only memory (global) arguments take buffers");
    }
}
