namespace Accel.Codegen.Ir;

/// <summary>The element of an m_axi port of structs (`[MAxi] Pixel[] image`), which Vitis keeps aggregated: one wide
/// word per element, fields in declaration order from the least significant byte, each at its C/C++ offset. The
/// byte layout is <see cref="AggregateLayout"/>'s; the C++ struct, the golden files, the host's buffers, the emulator's
/// addresses and the estimator all use it. One instance per struct per kernel (the frontend caches it).</summary>
/// <param name="NaturalBytes">the C sizeof of the plain struct</param>
/// <param name="Bytes">the element's width on the port and its stride in the buffer: NaturalBytes rounded up to a power of two</param>
public sealed record AggregateType(string Name, IReadOnlyList<AggregateField> Fields, int NaturalBytes, int Bytes) : IrType;

/// <summary>One field of an aggregated element: its scalar type and its byte offset in the element.</summary>
public sealed record AggregateField(string Name, IrType Type, int Offset);

/// <summary>The byte layout of one aggregated struct element on an m_axi port. UG1399 ("Structs in the Interface",
/// "Examples of Aggregation", "Aggregate"): a struct on the interface is aggregated by default (and cannot be
/// disaggregated in the Vitis kernel flow); its fields keep the C/C++ layout, the first field at the least
/// significant bits, each at its natural alignment, the struct's size a multiple of its largest alignment (what g++
/// gives sizeof); and for an m_axi port the aggregated element's width is rounded up to a power of two bytes
/// (`struct A { char foo; short bar; }` is a 32-bit port: "Aggregating maxi variable 'arr' with compact=none mode in
/// 32-bits", the default for an AXI port even without the pragma; compact=bit is refused on AXI ports). Accel
/// makes that width the element's stride in the buffer too (the C++ struct is declared alignas(Bytes), so g++'s
/// sizeof is the padded width and the host's array of structs, the testbench's memcpy and the port agree); the
/// padding bytes are zero in every buffer Accel writes.</summary>
public static class AggregateLayout
{
    /// <summary>Offsets of fields of the given sizes (each scalar's alignment is its size), the C sizeof, and the
    /// padded element width.</summary>
    public static (int[] Offsets, int NaturalBytes, int Bytes) Of(IReadOnlyList<int> fieldBytes)
    {
        var offsets = new int[fieldBytes.Count];
        int end = 0, align = 1;
        for (int k = 0; k < fieldBytes.Count; k++)
        {
            int size = fieldBytes[k];
            offsets[k] = (end + size - 1) / size * size;
            end = offsets[k] + size;
            align = Math.Max(align, size);
        }
        int natural = Math.Max(1, (end + align - 1) / align * align);
        return (offsets, natural, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)natural));
    }
}
