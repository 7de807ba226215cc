using Accel.Hw;
using MathNet.Numerics;

namespace Cases;

/// <summary>A [LookupTable] computed at generation time by MathNet.Numerics: every kernel compilation (a user's
/// file, the built-in sources, the emulator's hooked copy) references it.</summary>
[Kernel("case_kernel")]
public sealed class Case(int entries = 16)
{
    // erfc at step 1/4, in Q.15: 32767, 23713, 15712, ... down to 0 from the 14th entry.
    [LookupTable] readonly short[] tail = Enumerable.Range(0, entries).Select(i => (short)Math.Round(32767 * SpecialFunctions.Erfc(i / 4.0))).ToArray();

    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        for (int i = 0; i < entries; i++)
        {
            Hls.Pipeline(1);
            y[i] = x[i] - tail[i];
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s) =>
        s.Array("x", Enumerable.Range(0, entries).Select(i => s.Random.Next(-1000, 1000)).ToArray()).Output<int>("y", entries);
}
