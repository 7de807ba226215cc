using Accel.Hw;

namespace Accel.Kernels.EdgeMoe;

/// <summary>Activations cross the off-chip bus as Edge-MoE moves them: 256-bit beats of eight 32-bit words, one
/// beat per cycle (the on-chip side is partitioned cyclically by at least eight, so a beat lands in one cycle).</summary>
[KernelLibrary]
public static class ActivationStream
{
    /// <summary>32-bit words per 256-bit beat.</summary>
    public const int WordsPerBeat = 8;

    /// <summary>Bus width of the activation ports, in bits.</summary>
    public const int BeatBits = 256;

    /// <summary>to[toBase + i] = from[fromBase + i] for i &lt; length, a beat per cycle.</summary>
    public static void Copy(int[] from, int fromBase, int[] to, int toBase, int length)
    {
        for (int i = 0; i < length; i += WordsPerBeat)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(1, 1 << 17);
            for (int j = 0; j < WordsPerBeat; j++)
            {
                Hls.Unroll();
                if (i + j < length) to[toBase + i + j] = from[fromBase + i + j];
            }
        }
    }
}
