using System.Numerics.Tensors;
using Accel.Hw;
using Accel.Kernels;
using BenchmarkDotNet.Attributes;

namespace Accel.Benchmarks;

/// <summary>The C# reference softmax (fixed point, bit-exact with the hardware) against
/// TensorPrimitives.SoftMax (float, vectorised) on the same 1024 rows of 129 scores.</summary>
[MemoryDiagnoser]
public class SoftmaxThroughputBenchmarks
{
    private const int Rows = 1024, RowLength = 129;
    private readonly Softmax kernel = new(rowLength: RowLength);
    private int[] scores = [];
    private int[] probs = [];
    private float[] floatScores = [];
    private float[] floatProbs = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        scores = Enumerable.Range(0, Rows).SelectMany(_ => Stimuli.GaussianFixed(random, RowLength, 4, 22)).ToArray();
        probs = new int[scores.Length];
        floatScores = scores.Select(s => (float)Fx.ToDouble(s, 22)).ToArray();
        floatProbs = new float[scores.Length];
    }

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesFloat()
    {
        for (int r = 0; r < Rows; r++)
            TensorPrimitives.SoftMax(floatScores.AsSpan(r * RowLength, RowLength), floatProbs.AsSpan(r * RowLength, RowLength));
    }

    [Benchmark]
    public void AccelReferenceFixedPoint() => kernel.Run(scores, probs, Rows);
}
