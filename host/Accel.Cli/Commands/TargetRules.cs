using System.Globalization;
using Accel.Codegen.Backends.Hls;
using Accel.Resources;

namespace Accel.Cli.Commands;

/// <summary>The one validation of the target options (--board, --clock, --seed, --part) for every verb.</summary>
public static class TargetRules
{
    /// <summary>The operator latency table has columns up to 300 MHz, and every figure Accel prints comes from it.</summary>
    public const double MaxClockMhz = 300;

    public static Board Board(string value) =>
        Codegen.Backends.Hls.Board.All.FirstOrDefault(b => b.Name.Equals(value, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"--board {value}: expected one of {string.Join(", ", Codegen.Backends.Hls.Board.All.Select(b => b.Name))}");

    public static double Clock(double mhz) =>
        double.IsFinite(mhz) && mhz > 0 && mhz <= MaxClockMhz
            ? mhz
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--clock {mhz}: expected a clock in MHz in (0, {MaxClockMhz}]"));

    public static int Seed(int seed) =>
        seed >= 0 ? seed : throw new UsageException($"--seed {seed}: expected a seed of 0 or more");

    public static Part Part(string value)
    {
        try { return Parts.Find(value); }
        catch (KeyNotFoundException e) { throw new UsageException($"--part {value}: {e.Message}"); }
    }
}
