using Accel.Runtime.Devices;
namespace Accel.Runtime.Xclbin;

/// <summary>
/// Checks a design before it is written, so the writer never produces a file that its own reader or
/// XRT would refuse (names too long for their fixed fields, dangling indices, overlapping compute units).
/// </summary>
internal static class DesignValidator
{
    public static void Validate(XclbinDesign design)
    {
        Text(design.Name, int.MaxValue, "design name");
        Text(design.PlatformVbnv, AxlfLayout.PlatformVbnvSize - 1, "platform VBNV");
        for (var i = 0; i < design.MemoryBanks.Count; i++)
            Text(design.MemoryBanks[i].Tag, AxlfLayout.MemDataTagSize - 1, $"memory bank {i} tag");
        if (design.Clocks.Count > short.MaxValue)
            throw Error($"at most {short.MaxValue} clocks fit in CLOCK_FREQ_TOPOLOGY; found {design.Clocks.Count}");
        foreach (var clock in design.Clocks)
            Text(clock.Name, AxlfLayout.ClockFreqNameSize - 1, "clock name");
        Unique(design.Kernels.Select(k => k.Name), "kernel names");
        foreach (var kernel in design.Kernels)
            ValidateKernel(kernel, design.MemoryBanks);
        Unique(design.Kernels.SelectMany(k => k.ComputeUnits).Select(u => $"0x{u.BaseAddress:X}"), "compute unit base addresses");
    }

    private static void ValidateKernel(XclbinKernel kernel, ValueList<MemoryBank> banks)
    {
        Identifier(kernel.Name, "kernel name");
        var where = $"kernel '{kernel.Name}'";
        foreach (var port in kernel.Ports)
            Identifier(port.Name, $"{where} port name");
        Unique(kernel.Ports.Select(p => p.Name), $"{where} port names");
        Unique(kernel.Arguments.Select(a => a.Name), $"{where} argument names");
        for (var i = 0; i < kernel.Arguments.Count; i++)
            ValidateArgument(kernel, i);
        ulong previousBase = 0;
        for (var u = 0; u < kernel.ComputeUnits.Count; u++)
        {
            var unit = kernel.ComputeUnits[u];
            Identifier(unit.Name, $"{where} compute unit name");
            Text($"{kernel.Name}:{unit.Name}", AxlfLayout.IpDataNameSize - 1, $"{where} compute unit IP name");
            if (u > 0 && unit.BaseAddress <= previousBase)
                throw Error($"{where} compute units must be listed by increasing base address (XRT expects IP_LAYOUT sorted); " +
                            $"'{unit.Name}' at 0x{unit.BaseAddress:X} follows 0x{previousBase:X}");
            previousBase = unit.BaseAddress;
            foreach (var link in unit.Connections)
                ValidateConnection(kernel, unit, link, banks);
        }
    }

    private static void ValidateArgument(XclbinKernel kernel, int position)
    {
        var arg = kernel.Arguments[position];
        var where = $"kernel '{kernel.Name}' argument '{arg.Name}'";
        Identifier(arg.Name, $"{where} name");
        Text(arg.Type, int.MaxValue, $"{where} type");
        if (arg.Index != position)
            throw Error($"{where} is at position {position} but has index {arg.Index}; XRT needs argument i at index i");
        if (!Enum.IsDefined(arg.Kind))
            throw Error($"{where} has kind {(int)arg.Kind}; expected one of {string.Join(", ", Enum.GetNames<ArgumentKind>())}");
        if (kernel.Ports.All(p => p.Name != arg.Port))
            throw Error($"{where} uses port '{arg.Port}', which the kernel does not declare");
        if (arg.Kind is ArgumentKind.Scalar or ArgumentKind.Global or ArgumentKind.Constant
            && (ulong)arg.Offset + arg.Size > kernel.ControlRange)
            throw Error($"{where} occupies registers 0x{arg.Offset:X}..0x{(ulong)arg.Offset + arg.Size:X}, " +
                        $"beyond the control range 0x{kernel.ControlRange:X}");
    }

    private static void ValidateConnection(XclbinKernel kernel, ComputeUnit unit, ArgumentConnection link, ValueList<MemoryBank> banks)
    {
        var where = $"kernel '{kernel.Name}' compute unit '{unit.Name}' connection {link}";
        if (link.ArgumentIndex < 0 || link.ArgumentIndex >= kernel.Arguments.Count)
            throw Error($"{where}: no argument {link.ArgumentIndex} (the kernel has {kernel.Arguments.Count})");
        if (kernel.Arguments[link.ArgumentIndex].Kind == ArgumentKind.Scalar)
            throw Error($"{where}: argument '{kernel.Arguments[link.ArgumentIndex].Name}' is a scalar and has no memory to connect");
        if (link.BankIndex < 0 || link.BankIndex >= banks.Count)
            throw Error($"{where}: no memory bank {link.BankIndex} (the design has {banks.Count})");
        if (!banks[link.BankIndex].Used)
            throw Error($"{where}: bank {link.BankIndex} ('{banks[link.BankIndex].Tag}') is marked unused; XRT refuses connections to it");
    }

    private static void Identifier(string name, string what)
    {
        if (name.Length == 0 || name.Contains(':'))
            throw Error($"{what} '{name}' must be non-empty and contain no ':' (XRT splits 'kernel:instance' there)");
        Text(name, int.MaxValue, what);
    }

    /// <summary>Fixed-size char fields hold printable ASCII and a terminating NUL.</summary>
    private static void Text(string text, int maxLength, string what)
    {
        if (text.Length > maxLength)
            throw Error($"{what} '{text}' has {text.Length} characters; at most {maxLength} fit");
        if (text.Any(c => c is < ' ' or > '~'))
            throw Error($"{what} '{text}' must be printable ASCII");
    }

    private static void Unique(IEnumerable<string> names, string what)
    {
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw Error($"{what} must be unique; '{duplicate.Key}' appears {duplicate.Count()} times");
    }

    private static DeviceArgumentException Error(string problem) => new($"xclbin design: {problem}", "design");
}
