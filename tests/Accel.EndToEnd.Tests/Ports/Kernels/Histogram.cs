using Accel.Hw;

namespace PortedKernels;

/// <summary>The parallel histogram of the HLS optimisation guides: the read-modify-write of a bin is a
/// loop-carried dependence through memory, so the pipelined loop keeps the last bin and its count in registers
/// and writes back only when the bin changes; the bin comes from a switch on the value's top bits.</summary>
[Kernel("histogram")]
public sealed class Histogram([Range(1, 1 << 20)] int size = 512, [Range(8, 256)] int bins = 64)
{
    [Top]
    public void Run([MAxi("gmem0", "HBM[0]")] ushort[] data, [MAxi("gmem1", "HBM[1]")] int[] hist)
    {
        var local = new int[bins];
        int lastBin = -1;
        int lastCount = 0;
        for (int i = 0; i < size; i++)
        {
            Hls.Pipeline(1);
            int bin;
            switch (data[i] >> 14)
            {
                case 0:
                    bin = data[i] % (bins / 2);
                    break;
                case 1:
                case 2:
                    bin = bins / 2 + data[i] % (bins / 4);
                    break;
                default:
                    bin = bins - 1;
                    break;
            }
            if (bin == lastBin)
            {
                lastCount++;
            }
            else
            {
                if (lastBin >= 0) local[lastBin] = lastCount;
                lastCount = local[bin] + 1;
                lastBin = bin;
            }
        }
        if (lastBin >= 0) local[lastBin] = lastCount;
        for (int b = 0; b < bins; b++)
        {
            Hls.Pipeline(1);
            hist[b] = local[b];
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var data = new ushort[size];
        for (int i = 0; i < size; i++) data[i] = (ushort)(i % 7 == 0 ? data[Math.Max(i - 1, 0)] : s.Random.Next(0, 65536));
        s.Array("data", data).Output<int>("hist", bins);
    }
}
