namespace Accel.Hw;

/// <summary>Golden inputs for one kernel invocation: scalar arguments, input arrays and the length of each
/// output array, by the names of the top function's parameters. A kernel's [Stimulus] method fills it.</summary>
public sealed class Stimulus(int seed)
{
    private readonly Dictionary<string, long> scalars = new();
    private readonly Dictionary<string, Array> arrays = new();
    private readonly HashSet<string> outputs = new();

    public int Seed { get; } = seed;
    public Random Random { get; } = new(seed);

    public Stimulus Scalar(string parameter, long value) { scalars[parameter] = value; return this; }

    /// <summary>An array argument's initial contents (inputs, and outputs that start with known contents).</summary>
    public Stimulus Array(string parameter, Array contents)
    {
        ArgumentNullException.ThrowIfNull(contents);   // a null array is the kernel's fault here, not a crash later
        arrays[parameter] = contents;
        outputs.Remove(parameter);
        return this;
    }

    /// <summary>An output-only array argument of <paramref name="length"/> zeroed elements; for an [Axis] output
    /// stream, the number of words the kernel writes.</summary>
    public Stimulus Output<T>(string parameter, int length) where T : unmanaged => Output(parameter, typeof(T), length);

    /// <summary><see cref="Output{T}"/> for an element type known at run time (a host buffer's).</summary>
    public Stimulus Output(string parameter, Type element, int length)
    {
        Array(parameter, System.Array.CreateInstance(element, length));
        outputs.Add(parameter);
        return this;
    }

    /// <summary>True for an argument given by <see cref="Output{T}"/> (an [Axis] stream that is drained, not fed).</summary>
    public bool IsOutput(string parameter) => outputs.Contains(parameter);

    public IReadOnlyDictionary<string, long> Scalars => scalars;
    public IReadOnlyDictionary<string, Array> Arrays => arrays;
}
