using System.Buffers.Binary;
using System.Reflection;
using Accel.Codegen.Ir;
using Accel.Hw;

namespace Accel.Codegen.Reference;

/// <summary>An array of a kernel's structs (the C# value of a port of structs) as the bytes a board's buffer holds,
/// and back: each element <see cref="AggregateLayout"/>'s padded width, each field little-endian at its offset, the
/// padding zero. The fields are those the front end accepts (sbyte..ulong, bool, float, double).</summary>
public static class StructBytes
{
    /// <summary>A kernel struct: a value type that is neither a scalar nor an arbitrary-precision value.</summary>
    public static bool IsStruct(Type type) => type is { IsValueType: true, IsPrimitive: false, IsEnum: false } && !ApBits.IsTyped(type);

    /// <summary>The padded width of one element in bytes.</summary>
    public static int ElementBytes(Type type) => Layout(type).Bytes;

    public static byte[] ToBytes(Array elements)
    {
        var (fields, offsets, bytes) = Layout(elements.GetType().GetElementType()!);
        var buffer = new byte[elements.Length * bytes];
        for (int i = 0; i < elements.Length; i++)
        {
            var element = elements.GetValue(i)!;
            for (int k = 0; k < fields.Length; k++)
                Write(buffer.AsSpan(i * bytes + offsets[k]), fields[k].GetValue(element)!);
        }
        return buffer;
    }

    public static Array FromBytes(Type element, Array buffer)
    {
        var (fields, offsets, bytes) = Layout(element);
        if (buffer is not byte[] raw || raw.Length % bytes != 0)
            throw new ArgumentException($"a buffer of {element.Name} elements holds bytes, {bytes} per element; this one is {buffer.GetType().GetElementType()!.Name}[{buffer.Length}]");
        var elements = Array.CreateInstance(element, raw.Length / bytes);
        for (int i = 0; i < elements.Length; i++)
        {
            var value = Activator.CreateInstance(element)!; // boxed, so SetValue writes into it
            for (int k = 0; k < fields.Length; k++)
                fields[k].SetValue(value, Read(raw.AsSpan(i * bytes + offsets[k]), fields[k].FieldType));
            elements.SetValue(value, i);
        }
        return elements;
    }

    /// <summary>The array with <paramref name="element"/> elements: itself, or, when its elements are the same struct
    /// compiled into another assembly (the emulator's hooked copy of the kernel, the debug build that locates a fault),
    /// a copy through the bytes.</summary>
    public static Array Retype(Array array, Type element) =>
        array.GetType().GetElementType() == element || !IsStruct(element) ? array : FromBytes(element, ToBytes(array));

    /// <summary>The instance fields in declaration order (metadata order), their offsets and the element's width.</summary>
    private static (FieldInfo[] Fields, int[] Offsets, int Bytes) Layout(Type type)
    {
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).OrderBy(f => f.MetadataToken).ToArray();
        var (offsets, _, bytes) = AggregateLayout.Of(fields.Select(f => SizeOf(f.FieldType)).ToList());
        return (fields, offsets, bytes);
    }

    private static int SizeOf(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean or TypeCode.SByte or TypeCode.Byte => 1,
        TypeCode.Int16 or TypeCode.UInt16 => 2,
        TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Single => 4,
        TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Double => 8,
        _ => throw new InternalCompilerException($"a struct field of type {type.Name} on a port"),
    };

    private static void Write(Span<byte> at, object value)
    {
        switch (value)
        {
            case bool v: at[0] = v ? (byte)1 : (byte)0; break;
            case sbyte v: at[0] = unchecked((byte)v); break;
            case byte v: at[0] = v; break;
            case short v: BinaryPrimitives.WriteInt16LittleEndian(at, v); break;
            case ushort v: BinaryPrimitives.WriteUInt16LittleEndian(at, v); break;
            case int v: BinaryPrimitives.WriteInt32LittleEndian(at, v); break;
            case uint v: BinaryPrimitives.WriteUInt32LittleEndian(at, v); break;
            case long v: BinaryPrimitives.WriteInt64LittleEndian(at, v); break;
            case ulong v: BinaryPrimitives.WriteUInt64LittleEndian(at, v); break;
            case float v: BinaryPrimitives.WriteSingleLittleEndian(at, v); break;
            case double v: BinaryPrimitives.WriteDoubleLittleEndian(at, v); break;
            default: throw new InternalCompilerException($"a struct field of type {value.GetType().Name} on a port");
        }
    }

    private static object Read(ReadOnlySpan<byte> at, Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => at[0] != 0,
        TypeCode.SByte => unchecked((sbyte)at[0]),
        TypeCode.Byte => at[0],
        TypeCode.Int16 => BinaryPrimitives.ReadInt16LittleEndian(at),
        TypeCode.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(at),
        TypeCode.Int32 => BinaryPrimitives.ReadInt32LittleEndian(at),
        TypeCode.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(at),
        TypeCode.Int64 => BinaryPrimitives.ReadInt64LittleEndian(at),
        TypeCode.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(at),
        TypeCode.Single => BinaryPrimitives.ReadSingleLittleEndian(at),
        TypeCode.Double => BinaryPrimitives.ReadDoubleLittleEndian(at),
        _ => throw new InternalCompilerException($"a struct field of type {type.Name} on a port"),
    };
}
