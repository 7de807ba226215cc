using Accel.Resources;

namespace Accel.Dse;

/// <summary>What every point of a sweep shares: the part its estimate is fitted to, the board whose memory
/// system the emulator models, the clock, the stimulus seed, and how many points run at once.</summary>
public sealed record DseSettings(Part Part, string Board = "u55c", double ClockMhz = 300, int Seed = 1, int Jobs = 0)
{
    /// <summary>Jobs 0 means one per core.</summary>
    public int DegreeOfParallelism => Jobs > 0 ? Jobs : Environment.ProcessorCount;
}
