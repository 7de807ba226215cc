using Accel.Kernels.Catalog;
using Accel.Codegen.Frontend;
using Accel.Hw;
using Accel.Codegen.Reference;

namespace Accel.Testbenches.Accuracy;

/// <summary>Softmax against float64 softmax of the same (quantised) scores: 10,000 seeded rows, lengths uniform in
/// 16..512, scores normal with a standard deviation uniform in 1..8 (the spread of attention scores). The row
/// length is a compile-time parameter, so rows are grouped by length, one kernel instance per length.</summary>
public static class SoftmaxAccuracy
{
    public const int Rows = 10_000, MinLength = 16, MaxLength = 512;
    public const double MinSpread = 1, MaxSpread = 8;

    public static AccuracyReport Measure(KernelProject project, KernelConfig config, int seed)
    {
        var kernel = KernelCatalog.Find(project, "softmax");
        int frac = 32 - (int)config.Values["actIntBits"];
        var random = new Random(seed);
        var rowsByLength = new SortedDictionary<int, List<int[]>>();
        for (int r = 0; r < Rows; r++)
        {
            int length = random.Next(MinLength, MaxLength + 1);
            double spread = MinSpread + (MaxSpread - MinSpread) * random.NextDouble();
            if (!rowsByLength.TryGetValue(length, out var list)) rowsByLength[length] = list = new List<int[]>();
            list.Add(Stimuli.GaussianFixed(random, length, spread, frac));
        }

        var probabilities = new ErrorAccumulator();
        double maxRowSumError = 0;
        foreach (var (length, rows) in rowsByLength)
        {
            var values = new Dictionary<string, long>(config.Values) { ["rowLength"] = length };
            var activator = new KernelActivator(kernel, config with { Values = values });
            var scores = rows.SelectMany(r => r).ToArray();
            var stimulus = new Stimulus(0).Scalar("rows", rows.Count).Array("scores", scores).Output<int>("probs", scores.Length);
            var probs = (int[])activator.Run(stimulus)["probs"];
            for (int r = 0; r < rows.Count; r++)
            {
                var expected = Reference(rows[r], frac);
                double sum = 0;
                for (int i = 0; i < length; i++)
                {
                    double p = Fx.ToDouble(probs[r * length + i], frac);
                    probabilities.Add(p, expected[i]);
                    sum += p;
                }
                maxRowSumError = Math.Max(maxRowSumError, Math.Abs(sum - 1));
            }
        }
        return new AccuracyReport("softmax", config.Name, probabilities.Max, probabilities.Mean, probabilities.Count,
            $"{Rows} rows, lengths {MinLength}..{MaxLength}, score std {MinSpread}..{MaxSpread}, seed {seed}", maxRowSumError);
    }

    private static double[] Reference(int[] scores, int frac)
    {
        double max = scores.Max(s => Fx.ToDouble(s, frac));
        var e = scores.Select(s => Math.Exp(Fx.ToDouble(s, frac) - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }
}
