using System.Reflection;
using Accel.Codegen.Frontend;
using Accel.Hw;

namespace Accel.Codegen.Reference;

/// <summary>An [Axis] stream argument of the top function in a run: an input fed with the stimulus array's words
/// before the call, an output (given by <see cref="Stimulus.Output{T}"/>) drained after it into an array of the
/// stimulus's length. Neither side is seen by a <see cref="StreamObserver"/>: feeding and draining are the
/// outside world's, not the kernel's.</summary>
internal static class AxisStreams
{
    public static bool IsStream(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Stream<>);

    public static object Create(Type streamType, string name, Stimulus stimulus)
    {
        var words = stimulus.Arrays[name];
        return Generic(nameof(Fill), streamType).Invoke(null, [words, stimulus.IsOutput(name)])!;
    }

    /// <summary>The stream's words after the call: an output's, checked against the stimulus's count; an input must
    /// be read to its end (its words are then the array it was fed from).</summary>
    public static Array Finish(object stream, string kernel, string name, Stimulus stimulus)
    {
        var expected = stimulus.Arrays[name];
        var observer = StreamObserver.Current;
        StreamObserver.Current = null;
        try
        {
            var (words, left) = ((Array, int))Generic(nameof(Drain), stream.GetType()).Invoke(null, [stream, expected.Length])!;
            if (stimulus.IsOutput(name) && (left != 0 || words.Length != expected.Length))
                throw new KernelParameterException($"kernel '{kernel}': axis stream '{name}' got {words.Length + left} words, and the [Stimulus] expects " +
                    $"{expected.Length} (s.Output<T>(\"{name}\", n) gives the number of words the kernel writes)");
            if (!stimulus.IsOutput(name) && words.Length != 0)
                throw new KernelParameterException($"kernel '{kernel}': axis stream '{name}' has {words.Length} of its {expected.Length} input words left unread " +
                    $"after the call: give the [Stimulus] exactly the words the kernel reads, or s.Output<T>(\"{name}\", n) if the kernel writes it");
            return stimulus.IsOutput(name) ? words : (Array)expected.Clone();
        }
        finally
        {
            StreamObserver.Current = observer;
        }
    }

    private static MethodInfo Generic(string method, Type streamType) =>
        typeof(AxisStreams).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(streamType.GetGenericArguments()[0]);

    private static Stream<T> Fill<T>(T[] words, bool output) where T : unmanaged
    {
        var stream = new Stream<T>(Math.Max(1, words.Length));
        if (!output) foreach (var word in words) stream.Write(word);
        return stream;
    }

    /// <summary>Up to <paramref name="count"/> words read, and how many more were left.</summary>
    private static (Array, int) Drain<T>(Stream<T> stream, int count) where T : unmanaged
    {
        var words = new List<T>();
        while (!stream.Empty() && words.Count < count) words.Add(stream.Read());
        int left = 0;
        for (; !stream.Empty(); left++) stream.Read();
        return (words.ToArray(), left);
    }
}
