namespace Accel.Codegen.Reference;

/// <summary>The command's memory budget (--max-memory), set by the CLI's watchdog before the command runs, for
/// the checks that refuse a run before it spends memory it cannot have (the emulator's trace). Unset (library
/// use, most tests): no such check.</summary>
public static class MemoryBudget
{
    private static long max;

    public static long? MaxBytes
    {
        get => Volatile.Read(ref max) is > 0 and var bytes ? bytes : null;
        set => Volatile.Write(ref max, value ?? 0);
    }

    /// <summary>What the budget leaves now (the budget less the process's working set), or null without a budget.</summary>
    public static long? Room => MaxBytes is long bytes ? bytes - Environment.WorkingSet : null;

    /// <summary>"--max-memory 400 MB", for messages.</summary>
    public static string Option => MaxBytes is long bytes ? $"--max-memory {Megabytes(bytes)}" : "--max-memory";

    public static string Megabytes(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):N0} MB");
}
