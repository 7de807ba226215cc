namespace Accel.EdgeMoe.Weights;

/// <summary>A named weight tensor: its shape and its values, row-major, as doubles whatever the stored type.</summary>
public sealed record Tensor(string Name, int[] Shape, double[] Values)
{
    public static string FormatShape(IReadOnlyList<int> shape) => $"[{string.Join(", ", shape)}]";
}
