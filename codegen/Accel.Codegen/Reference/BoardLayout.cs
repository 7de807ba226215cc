using Accel.Hw;

namespace Accel.Codegen.Reference;

/// <summary>A kernel's array as a board's buffer holds it (and the golden files, and the host): row-major, each ap
/// value as its container, each struct as its padded bytes (<see cref="StructBytes"/>); and back, to what the
/// kernel's C# top function takes.</summary>
public static class BoardLayout
{
    public static Array Of(Array kernelArray) => StructBytes.IsStruct(kernelArray.GetType().GetElementType()!)
        ? StructBytes.ToBytes(kernelArray)
        : ApBits.OnBoard(RowMajor.Flatten(kernelArray));

    /// <param name="element">the kernel's element when it is a typed ap value or a struct, or null</param>
    /// <param name="dims">a multi-dimensional port's dimensions, or null</param>
    public static Array ToKernel(Array buffer, Type? element, IReadOnlyList<long>? dims)
    {
        if (element is not null && StructBytes.IsStruct(element)) return StructBytes.FromBytes(element, buffer);
        var values = element is null ? buffer : ApBits.FromBoard(element, buffer);
        return dims is null ? values : RowMajor.Shape(values, dims);
    }
}
