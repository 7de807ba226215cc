namespace Accel.Cli.Limits;

/// <summary>The process's resident memory now and at its peak, as the kernel counts it (what the OOM killer looks at).</summary>
public static class ProcessMemory
{
    public static long WorkingSet => Environment.WorkingSet;

    /// <summary>The peak resident set (VmHWM) since the process started; the current working set where /proc is missing.</summary>
    public static long PeakWorkingSet
    {
        get
        {
            try
            {
                foreach (var line in File.ReadLines("/proc/self/status"))
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            return Math.Max(WorkingSet, System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64);
        }
    }
}
