using Accel.Runtime.Devices;

namespace Accel.Runtime.Emulator;

/// <summary>Scalar arguments as the kernel's stimulus holds them: 64-bit integers, converted to the parameter's type when the kernel is called.</summary>
internal static class ScalarValues
{
    public static long ToInt64<T>(string kernel, string argument, T value) where T : unmanaged => value switch
    {
        sbyte v => v,
        byte v => v,
        short v => v,
        ushort v => v,
        int v => v,
        uint v => v,
        long v => v,
        ulong v => unchecked((long)v),   // the bits survive: the kernel converts back to its unsigned type
        bool v => v ? 1 : 0,
        _ => throw new DeviceArgumentException(
            $"kernel '{kernel}' argument '{argument}': the emulator passes integer and bool scalars; a {typeof(T).Name} cannot be passed"),
    };
}
