using System.Globalization;
using Accel.Codegen.Reference;

namespace Accel.Cli.Limits;

/// <summary>What one command may use: a memory budget (the process's working set, and the GC heap under it) and a
/// wall-time limit. Past either, the run stops with exit 1 (see <see cref="Watchdog"/>).</summary>
public sealed record Budget(long MaxMemoryBytes, TimeSpan Timeout)
{
    /// <summary>Half the physical memory (or the container's limit): a runaway run stops long before the machine
    /// is at risk and leaves the other half to everything else.</summary>
    public const double DefaultMemoryFraction = 0.5;

    /// <summary>Generous: the largest built-in runs (dse sweeps, m3vit) take minutes, not an hour.</summary>
    public const double DefaultTimeoutSeconds = 3600;

    /// <summary>Below this not even the runtime and the C# compiler fit; a smaller value is a typo (64 instead of 64G).</summary>
    public const long MinMemoryBytes = 64L << 20;

    /// <summary>Read once, before <see cref="Watchdog"/> sets the GC heap limit (after which the GC reports that limit instead).</summary>
    public static readonly long PhysicalMemoryBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    public static long DefaultMaxMemoryBytes => (long)(PhysicalMemoryBytes * DefaultMemoryFraction);

    /// <summary>The budget the options ask for; throws <see cref="UsageException"/> naming the option and what it accepts.</summary>
    public static Budget Of(string? maxMemory, double timeoutSeconds)
    {
        if (!double.IsFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > TimeSpan.MaxValue.TotalSeconds / 2)
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--timeout {timeoutSeconds}: expected a positive number of seconds"));
        long bytes = maxMemory is null ? DefaultMaxMemoryBytes : ParseSize(maxMemory);
        return new Budget(bytes, TimeSpan.FromSeconds(timeoutSeconds));
    }

    /// <summary>"4G", "512M", "1.5GiB", "300000000": binary units (1K = 1024 bytes), a plain number is bytes.</summary>
    public static long ParseSize(string text)
    {
        var expected = $"a size such as 4G, 512M or 1.5G (binary units K, M, G, T), at least {Megabytes(MinMemoryBytes)}";
        var t = text.Trim().ToUpperInvariant();
        foreach (var suffix in new[] { "IB", "B" })
            if (t.EndsWith(suffix, StringComparison.Ordinal) && t.Length > suffix.Length && char.IsLetter(t[^(suffix.Length + 1)])) { t = t[..^suffix.Length]; break; }
        int shift = t.Length == 0 ? 0 : t[^1] switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => 0 };
        if (shift > 0) t = t[..^1];
        if (!double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            throw new UsageException($"--max-memory {text}: expected {expected}");
        double bytes = number * Math.Pow(2, shift);
        if (bytes < MinMemoryBytes || bytes > long.MaxValue / 2)
            throw new UsageException($"--max-memory {text}: expected {expected}");
        return (long)bytes;
    }

    public static string Megabytes(long bytes) => Codegen.Reference.MemoryBudget.Megabytes(bytes);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Megabytes(MaxMemoryBytes)} of memory, {Timeout.TotalSeconds:G} s");
}
