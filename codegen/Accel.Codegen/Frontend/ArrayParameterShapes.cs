using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;

namespace Accel.Codegen.Frontend;

/// <summary>The dimensions of each multi-dimensional array parameter of a kernel function (`void Load(int[,] dst)`),
/// taken from the arrays its calls pass. C++ needs them in the parameter's type (`int32_t dst[4][8]`) and the
/// callee's row-major index needs every dimension but the first, so all calls must pass one shape, as a
/// C++ function with an array parameter of fixed dimensions accepts only that shape.</summary>
internal sealed class ArrayParameterShapes
{
    // By the called method (a generic one as specialised) and the parameter's position.
    private readonly Dictionary<IMethodSymbol, Dictionary<int, ArrayType>> shapes = new(SymbolEqualityComparer.Default);

    /// <summary>Records the shape of the array a call passes; false when an earlier call passed another one
    /// (<paramref name="known"/> is that one).</summary>
    public bool Agree(IMethodSymbol method, int ordinal, ArrayType shape, out ArrayType known)
    {
        if (!shapes.TryGetValue(method, out var byOrdinal)) shapes[method] = byOrdinal = new();
        if (!byOrdinal.TryGetValue(ordinal, out known!)) byOrdinal[ordinal] = known = shape;
        return known.DimValues!.SequenceEqual(shape.DimValues!);
    }

    /// <summary>The shape the calls pass (null when no call passed one: the call was reported).</summary>
    public ArrayType? Of(IMethodSymbol method, int ordinal) => shapes.GetValueOrDefault(method)?.GetValueOrDefault(ordinal);

    /// <summary>A multi-dimensional array's shape as the code using it sees it: a local's type, or the shape of a
    /// multi-dimensional parameter or port.</summary>
    public static ArrayType? ShapeOf(IrType type) => type switch
    {
        ArrayType { Dims: not null } a => a,
        ArrayParamType { Shape: { } s } => s,
        PortType { Shape: { } s } => s,
        _ => null,
    };

    public static string Text(ArrayType shape) => string.Join(" x ", shape.DimValues!);
}
