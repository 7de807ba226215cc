using System.Runtime.InteropServices;

namespace Accel.Runtime.Xrt;

/// <summary>
/// The environment XRT reads at start-up, checked before any XRT call: XRT 2.13 aborts the process
/// (std::terminate) when XILINX_XRT is unset, when XCL_EMULATION_MODE is unknown, or when the driver
/// library it picks is missing from $XILINX_XRT/lib.
/// </summary>
internal static partial class XrtEnvironment
{
    public const string RootVariable = "XILINX_XRT";
    public const string EmulationVariable = "XCL_EMULATION_MODE";

    /// <summary>The driver ("shim") library XRT loads from $XILINX_XRT/lib for each emulation mode.</summary>
    public static readonly IReadOnlyDictionary<string, string> ShimByMode = new Dictionary<string, string>
    {
        [""] = "libxrt_core.so.2",         // a real card
        ["noop"] = "libxrt_noop.so.2",      // no card: buffers in host memory, runs complete at once
        ["hw_emu"] = "libxrt_hwemu.so.2",
        ["sw_emu"] = "libxrt_swemu.so.2",
    };

    /// <summary>
    /// Reads the native environment, which is what XRT sees. Environment.GetEnvironmentVariable can
    /// differ: on Linux, Environment.SetEnvironmentVariable changes only .NET's copy.
    /// </summary>
    public static string? Native(string name)
    {
        var value = getenv(name);
        return value == 0 ? null : Marshal.PtrToStringUTF8(value);
    }

    /// <summary>Null when XRT can start with this environment, else what is wrong and how to fix it.</summary>
    public static string? FindProblem(Func<string, string?> variable, Func<string, bool> fileExists)
    {
        const string setEarly = " Set it before the process starts (Environment.SetEnvironmentVariable does not reach XRT on Linux).";
        var root = variable(RootVariable);
        if (string.IsNullOrEmpty(root))
            return $"{RootVariable} is not set, and XRT aborts the process without it. Set {RootVariable} to the XRT folder " +
                   "(/opt/xilinx/xrt for AMD's packages). With Debian's libxrt1, make a folder whose lib/ holds a link to " +
                   "/usr/lib/x86_64-linux-gnu/libxrt_core.so.2 (for a card) or to libxrt_noop.so.2 (with " +
                   $"{EmulationVariable}=noop, to run without a card) and point {RootVariable} at that folder " +
                   "(install XRT first if it is missing: apt-get install libxrt1)." + setEarly;
        var mode = variable(EmulationVariable) ?? "";
        if (!ShimByMode.TryGetValue(mode, out var shim))
            return $"{EmulationVariable}='{mode}' is not a mode XRT knows (XRT aborts on it); use one of noop, hw_emu, sw_emu, " +
                   "or leave it unset for a card." + setEarly;
        var shimPath = Path.Combine(root, "lib", shim);
        if (!fileExists(shimPath))
            return $"XRT will load {shimPath} ({(mode.Length == 0 ? "no emulation mode: a card" : $"{EmulationVariable}={mode}")}) " +
                   $"and aborts the process because it is missing. Link it there, e.g. ln -s /usr/lib/x86_64-linux-gnu/{shim} {shimPath} " +
                   $"(Debian package libxrt1), or point {RootVariable} at an XRT folder that has it.";
        return null;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getenv(string name);
}
