namespace Accel.Codegen.Reference;

/// <summary>A multi-dimensional port's buffer is its array in row-major order, as C#, C++ and the board's memory lay
/// it out: these convert between the kernel's view (T[,]) and the buffer's (T[]).</summary>
public static class RowMajor
{
    /// <summary>The elements of a multi-dimensional array of a primitive type as a one-dimensional array; a
    /// one-dimensional array as it is.</summary>
    public static Array Flatten(Array array)
    {
        if (array.Rank == 1) return array;
        var flat = Array.CreateInstance(array.GetType().GetElementType()!, array.Length);
        Buffer.BlockCopy(array, 0, flat, 0, Buffer.ByteLength(array));
        return flat;
    }

    /// <summary>An array's length in each dimension, outermost first.</summary>
    public static IReadOnlyList<long> Dimensions(Array array) => Enumerable.Range(0, array.Rank).Select(d => (long)array.GetLength(d)).ToList();

    /// <summary>A buffer's elements as an array of the given dimensions (which must hold them all).</summary>
    public static Array Shape(Array flat, IReadOnlyList<long> dims)
    {
        var shaped = Array.CreateInstance(flat.GetType().GetElementType()!, dims.ToArray());
        if (shaped.Length != flat.Length)
            throw new ArgumentException($"a buffer of {flat.Length} elements does not hold a {string.Join(" x ", dims)} array");
        Buffer.BlockCopy(flat, 0, shaped, 0, Buffer.ByteLength(flat));
        return shaped;
    }
}
