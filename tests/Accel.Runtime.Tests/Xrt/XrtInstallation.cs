namespace Accel.Runtime.Tests.Xrt;

/// <summary>Whether this machine has XRT's libraries (Debian: libxrt1), found without loading them.</summary>
internal static class XrtInstallation
{
    public static readonly string? CoreUtil = XrtLibrary.FindInSystemDirectories(XrtLibrary.CoreUtil);
    public static readonly string? NoopDriver = XrtLibrary.FindInSystemDirectories("libxrt_noop.so.2");

    public static string? MissingReason =>
        CoreUtil is not null && NoopDriver is not null
            ? null
            : $"XRT is not installed: libxrt_coreutil.so.2 and libxrt_noop.so.2 were not found in {string.Join(", ", XrtLibrary.SystemDirectories)}. " +
              "Install the Debian packages libxrt1 and libxrt-dev (XRT 2.13) to run the real-XRT tests.";
}

/// <summary>A test that needs XRT's libraries; skipped, with the reason, only when they are not installed.</summary>
public sealed class XrtFactAttribute : FactAttribute
{
    public XrtFactAttribute()
    {
        if (XrtInstallation.MissingReason is { } reason)
            Skip = reason;
    }
}
