using System.Reflection;
using System.Runtime.InteropServices;

namespace Accel.Runtime.Xrt;

/// <summary>
/// Finds and loads libxrt_coreutil.so.2 ($XILINX_XRT/lib, then /opt/xilinx/xrt/lib, then the system
/// library path) and points this assembly's XRT imports at it. Nothing here calls XRT before
/// <see cref="XrtEnvironment"/> has approved the environment.
/// </summary>
internal static class XrtLibrary
{
    public const string CoreUtil = "libxrt_coreutil.so.2";
    public const string VendorDirectory = "/opt/xilinx/xrt/lib";

    /// <summary>Where distributions put XRT's libraries; used to find the real driver libraries to link to.</summary>
    public static readonly string[] SystemDirectories =
        ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", VendorDirectory];

    private static readonly Lock Gate = new();
    private static nint handle;

    /// <summary>Checks the environment, loads the library once, and routes XRT's log for error messages.</summary>
    public static void EnsureReady()
    {
        lock (Gate)
        {
            var problem = XrtEnvironment.FindProblem(XrtEnvironment.Native, File.Exists);
            if (problem is not null)
                throw new XrtUnavailableException(problem);
            if (handle != 0)
                return;
            handle = Load(XrtEnvironment.Native(XrtEnvironment.RootVariable));
            NativeLibrary.SetDllImportResolver(typeof(XrtLibrary).Assembly, Resolve);
            XrtLog.Start();
        }
    }

    /// <summary>The first place <paramref name="fileName"/> exists among the system directories, or null.</summary>
    public static string? FindInSystemDirectories(string fileName) =>
        SystemDirectories.Select(d => Path.Combine(d, fileName)).FirstOrDefault(File.Exists);

    private static nint Load(string? root)
    {
        var candidates = new[] { root is null ? null : Path.Combine(root, "lib", CoreUtil), Path.Combine(VendorDirectory, CoreUtil) };
        foreach (var path in candidates.OfType<string>())
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var loaded))
                return loaded;
        if (NativeLibrary.TryLoad(CoreUtil, out var system))
            return system;
        throw new XrtUnavailableException(
            $"{CoreUtil} was found neither in $XILINX_XRT/lib, {VendorDirectory}, nor the system library path. " +
            "Install XRT: on Debian or Ubuntu `apt-get install libxrt1`, or AMD's xrt package.");
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == CoreUtil ? handle : 0;
}
