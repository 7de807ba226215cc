using Accel.Hw;

namespace Accel.Codegen.Reference;

/// <summary>A kernel's array as a board's buffer holds it (and the golden files, and the host): row-major, each ap
/// value as its container; and back, to what the kernel's C# top function takes.</summary>
public static class BoardLayout
{
    public static Array Of(Array kernelArray) => ApBits.OnBoard(RowMajor.Flatten(kernelArray));

    /// <param name="apElement">the typed ap element the kernel takes, or null</param>
    /// <param name="dims">a multi-dimensional port's dimensions, or null</param>
    public static Array ToKernel(Array buffer, Type? apElement, IReadOnlyList<long>? dims)
    {
        var values = apElement is null ? buffer : ApBits.FromBoard(apElement, buffer);
        return dims is null ? values : RowMajor.Shape(values, dims);
    }
}
