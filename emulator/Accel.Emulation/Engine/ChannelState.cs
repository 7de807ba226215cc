namespace Accel.Emulation;

/// <summary>
/// A memory channel as one server of beats. Time on the channel is kept in integer units of
/// 1/<see cref="UnitsPerCycle"/> cycle, chosen so a beat of any width takes a whole number of units:
/// a beat of W bytes takes W * clock / bandwidth cycles = W * clockHz / g units with g = gcd(bandwidth, clockHz)
/// and UnitsPerCycle = bandwidth / g. That keeps fractional rates (e.g. 64 B at 48 B/cycle = 4/3 cycle) exact.
/// If the exact unit would be finer than 2^-20 cycle, units of 2^-20 cycle are used and beat times rounded
/// to the nearest unit (at most 2^-21 cycle off per beat, i.e. under a cycle per million beats).
/// </summary>
internal sealed class ChannelState
{
    private const long FinestUnitsPerCycle = 1 << 20;

    private readonly long _clockHz;
    private readonly long _bandwidth;
    private readonly bool _exact;

    public ChannelState(long clockHz, long bandwidthBytesPerSecond)
    {
        _clockHz = clockHz;
        _bandwidth = bandwidthBytesPerSecond;
        long g = (long)System.Numerics.BigInteger.GreatestCommonDivisor(bandwidthBytesPerSecond, clockHz);
        long exactUnits = bandwidthBytesPerSecond / g;
        _exact = exactUnits <= FinestUnitsPerCycle;
        UnitsPerCycle = _exact ? exactUnits : FinestUnitsPerCycle;
    }

    public long UnitsPerCycle { get; }

    /// <summary>Channel time (in units) at which the previous beat finished.</summary>
    public long FreeAtUnits { get; set; }

    public long UnitsPerBeat(int bytesPerBeat)
    {
        if (_exact)
            return bytesPerBeat * (_clockHz / (_bandwidth / UnitsPerCycle));
        double units = (double)bytesPerBeat * _clockHz * UnitsPerCycle / _bandwidth;
        return Math.Max(1, (long)Math.Round(units));
    }
}
