namespace Accel.Runtime.Tests.Xrt;

/// <summary>
/// A temporary XILINX_XRT folder for XRT's noop mode: lib/ links to the system's noop driver library, which
/// is all XRT loads in that mode. Also holds the sample design written by Accel's xclbin writer.
/// </summary>
public sealed class NoopXrtFolder : IDisposable
{
    public NoopXrtFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), $"accel-xrt-noop-{Guid.NewGuid():N}");
        XilinxXrt = Path.Combine(Root, "xrt");
        Directory.CreateDirectory(Path.Combine(XilinxXrt, "lib"));
        if (XrtInstallation.NoopDriver is { } driver)
            File.CreateSymbolicLink(Path.Combine(XilinxXrt, "lib", Path.GetFileName(driver)), driver);
        SampleXclbin = Path.Combine(Root, "sample.xclbin");
        XclbinWriter.WriteFile(SampleDesigns.Full(), SampleXclbin);
    }

    public string Root { get; }

    /// <summary>The value for XILINX_XRT.</summary>
    public string XilinxXrt { get; }

    public string SampleXclbin { get; }

    /// <summary>Environment for a child process running XRT without a card.</summary>
    public Dictionary<string, string?> NoopEnvironment() => new()
    {
        ["XILINX_XRT"] = XilinxXrt,
        ["XCL_EMULATION_MODE"] = "noop",
        ["XRT_INI_PATH"] = null,
    };

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
