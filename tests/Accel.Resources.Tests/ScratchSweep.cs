using Xunit.Abstractions;
namespace Accel.Resources.Tests;
public sealed class ScratchSweep(ITestOutputHelper output)
{
    [Fact]
    public void Sweep()
    {
        foreach (var (k, p) in new[] { ("softmax", "lanes=1"), ("softmax", "lanes=4"), ("softmax", "lanes=16"), ("softmax", "expTableBits=6"), ("softmax", "expTableBits=10"), ("gelu", "lanes=1"), ("gelu", "lanes=4"), ("gelu", "lanes=16"), ("gelu", "lanes=32") })
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var ir = Kernels.BuiltIn(k, p);
            var t1 = sw.ElapsedMilliseconds;
            var e = ResourceEstimator.Estimate(ir);
            output.WriteLine($"{k} {p}: {e.Total}  romBits {e.RomBits}  (lower {t1} ms, estimate {sw.ElapsedMilliseconds - t1} ms)");
        }
    }
}
