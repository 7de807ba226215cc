using Accel.Runtime.Devices;
using Accel.Codegen.Ir;

namespace Accel.Runtime.Emulator.Designs;

/// <summary>
/// Kernel argument types as the xclbin spells them: the same C spellings as the generated top function's
/// signature (int32_t, const int16_t*), which Accel.Runtime's CTypeNames maps back to .NET types.
/// </summary>
internal static class ArgumentTypes
{
    public static string CSpelling(IrType type) => type switch
    {
        BoolType => "bool",
        IntType i => $"{(i.Signed ? "" : "u")}int{i.Bits}_t",
        FloatType { Bits: 32 } => "float",
        FloatType => "double",
        ApType a => CSpelling(a.Container), // the board's layout: the host moves containers
        AggregateType a => a.Name, // the element the kernel's C++ declares; the host moves its bytes
        _ => throw new DeviceArgumentException($"no C spelling for a kernel argument of type {type}"),
    };

    /// <summary>Bytes of a scalar argument's value.</summary>
    public static uint SizeOf(IrType type) => type switch
    {
        BoolType => 1,
        IntType i => (uint)(i.Bits / 8),
        FloatType f => (uint)(f.Bits / 8),
        ApType a => SizeOf(a.Container),
        _ => throw new DeviceArgumentException($"no size for a kernel argument of type {type}"),
    };
}
