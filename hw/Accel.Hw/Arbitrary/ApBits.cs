using System.Reflection;

namespace Accel.Hw;

/// <summary>The bits of Int, UInt, Fixed and UFixed values known only at run time (a top function's arguments): what
/// golden vectors, the reference and the emulator move instead of the values, as a board's ports and registers do.</summary>
public static class ApBits
{
    private static readonly Type[] Definitions = [typeof(Int<>), typeof(UInt<>), typeof(Fixed<,,,>), typeof(UFixed<,,,>)];

    public static bool IsTyped(Type type) => type.IsGenericType && Definitions.Contains(type.GetGenericTypeDefinition());

    public static ApFormat Format(Type type) => (ApFormat)Static(type, "Format").GetValue(null)!;

    /// <summary>An array of typed ap values as their containers' little-endian bytes (<see cref="ApFormat.ContainerBits"/>),
    /// each the value's raw bits, sign-extended for a signed type.</summary>
    private static byte[] Containers(Array values)
    {
        var element = values.GetType().GetElementType()!;
        int bytes = Format(element).ContainerBits / 8;
        var result = new byte[values.Length * bytes];
        for (int i = 0; i < values.Length; i++)
        {
            long bits = Raw(values.GetValue(i)!);
            for (int b = 0; b < bytes; b++) result[i * bytes + b] = (byte)(bits >> (8 * b));
        }
        return result;
    }

    /// <summary>An array as a board's memory holds it: typed ap values as an array of their containers (short[] for
    /// a Fixed&lt;W12, ...&gt;[], ushort[] for a UInt&lt;W12&gt;[]), any other array as it is.</summary>
    public static Array OnBoard(Array values)
    {
        var element = values.GetType().GetElementType()!;
        if (!IsTyped(element)) return values;
        var bytes = Containers(values);
        var result = Array.CreateInstance(ContainerType(Format(element)), values.Length);
        Buffer.BlockCopy(bytes, 0, result, 0, bytes.Length);
        return result;
    }

    /// <summary>The typed ap values of <paramref name="element"/> whose containers a board's memory holds.</summary>
    public static Array FromBoard(Type element, Array containers)
    {
        var result = Array.CreateInstance(element, containers.Length);
        for (int i = 0; i < containers.Length; i++)
            result.SetValue(FromRaw(element, containers.GetValue(i) is ulong u ? unchecked((long)u) : Convert.ToInt64(containers.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)), i);
        return result;
    }

    private static Type ContainerType(ApFormat format) => (format.ContainerBits, format.Signed) switch
    {
        (8, true) => typeof(sbyte), (8, false) => typeof(byte),
        (16, true) => typeof(short), (16, false) => typeof(ushort),
        (32, true) => typeof(int), (32, false) => typeof(uint),
        (_, true) => typeof(long), _ => typeof(ulong),
    };

    /// <summary>x.Raw of a boxed typed ap value.</summary>
    public static long Raw(object value) => (long)value.GetType().GetProperty("Raw")!.GetValue(value)!;

    /// <summary>T.FromRaw(bits): the value a scalar argument's raw bits give.</summary>
    public static object FromRaw(Type type, long bits) => type.GetMethod("FromRaw", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [bits])!;

    private static PropertyInfo Static(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Static) ?? throw new ArgumentException($"{type.Name} is not an arbitrary-precision type");
}
