using System.Numerics;
using Accel.Hw;

namespace PortedKernels;

/// <summary>The FIR filter of the HLS user guide's examples (a shift register and one multiply-accumulate per tap),
/// which HLS code templates on its data type; here a generic method, specialised per type it is called with.</summary>
[KernelLibrary]
public static class Fir
{
    /// <summary>Shifts the sample in and returns the filtered value; T's arithmetic wraps at T's width, as C#'s does.</summary>
    public static T Step<T>(T[] shift, T[] coeff, T sample, int taps) where T : IBinaryInteger<T>
    {
        T acc = T.Zero;
        for (int i = taps - 1; i > 0; i--)
        {
            Hls.Unroll();
            shift[i] = shift[i - 1];
            acc += shift[i] * coeff[i];
        }
        shift[0] = sample;
        return acc + sample * coeff[0];
    }

    public static T Clamp<T>(T x, T lo, T hi) where T : INumber<T> => x < lo ? lo : x > hi ? hi : x;
}

/// <summary>Two channels through the same filter code: 16-bit audio samples (short) and 32-bit sensor readings
/// (int), one sample of each per pipelined iteration, with the shift registers and taps completely partitioned.</summary>
[Kernel("fir_generic")]
public sealed class FirGeneric([Range(1, 4096)] int samples = 64, [Range(2, 32)] int taps = 8)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] short[] audio, [MAxi("gmem1", "HBM[1]")] short[] audioTaps, [MAxi("gmem2", "HBM[2]")] short[] audioOut,
        [MAxi("gmem3", "HBM[3]")] int[] sensor, [MAxi("gmem4", "HBM[4]")] int[] sensorTaps, [MAxi("gmem5", "HBM[5]")] int[] sensorOut)
    {
        var audioShift = new short[taps];
        Hls.ArrayPartition(audioShift, PartitionKind.Complete, 0);
        var audioCoeff = new short[taps];
        Hls.ArrayPartition(audioCoeff, PartitionKind.Complete, 0);
        var sensorShift = new int[taps];
        Hls.ArrayPartition(sensorShift, PartitionKind.Complete, 0);
        var sensorCoeff = new int[taps];
        Hls.ArrayPartition(sensorCoeff, PartitionKind.Complete, 0);
        for (int i = 0; i < taps; i++)
        {
            Hls.Pipeline(1);
            audioShift[i] = 0;
            audioCoeff[i] = audioTaps[i];
            sensorShift[i] = 0;
            sensorCoeff[i] = sensorTaps[i];
        }
        for (int n = 0; n < samples; n++)
        {
            Hls.Pipeline(1);
            short y = Fir.Step(audioShift, audioCoeff, audio[n], taps);
            audioOut[n] = Fir.Clamp(y, (short)-30000, (short)30000);
            int z = Fir.Step(sensorShift, sensorCoeff, sensor[n], taps);
            sensorOut[n] = Fir.Clamp(z, -(1 << 28), 1 << 28);
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var audio = new short[samples];
        var audioTaps = new short[taps];
        var sensor = new int[samples];
        var sensorTaps = new int[taps];
        for (int i = 0; i < samples; i++)
        {
            audio[i] = (short)s.Random.Next(short.MinValue, short.MaxValue + 1);
            sensor[i] = s.Random.Next(-(1 << 24), 1 << 24);
        }
        for (int i = 0; i < taps; i++)
        {
            audioTaps[i] = (short)s.Random.Next(-8, 9);
            sensorTaps[i] = s.Random.Next(-300, 301);
        }
        s.Array("audio", audio).Array("audioTaps", audioTaps).Output<short>("audioOut", samples)
         .Array("sensor", sensor).Array("sensorTaps", sensorTaps).Output<int>("sensorOut", samples);
    }
}
