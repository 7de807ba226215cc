using System.Diagnostics;

namespace Accel.Runtime.Tests.Xrt;

/// <summary>
/// Scenarios against the real XRT library, run in a child process by <see cref="XrtNoopTests"/>.
/// Each takes the sample xclbin path (or, for the environment ones, the text the error must contain).
/// </summary>
internal static class XrtScenarios
{
    public static readonly IReadOnlyDictionary<string, Action<string[]>> All = new Dictionary<string, Action<string[]>>
    {
        ["end-to-end"] = a => EndToEnd(a[0]),
        ["refusals"] = a => Refusals(a[0]),
        ["xrt-error"] = a => XrtError(a[0]),
        ["delayed-completion"] = a => DelayedCompletion(a[0]),
        ["leak-at-exit"] = a => LeakAtExit(a[0]),
        ["open-unavailable"] = a => OpenUnavailable(a[0]),
        ["host-program"] = a => Emulator.HostProgramOnXrt.Run(a[0]),
        ["axis-refused"] = a => AxisRefused(a[0]),
    };

    /// <summary>XRT loads a design whose kernel has an axis port, and the backend refuses to open that kernel (naming the
    /// port) before XRT is asked: with one kernel in the xclbin nothing would ever move the stream.</summary>
    private static void AxisRefused(string sampleXclbin)
    {
        var stream = new XclbinKernel("passthrough",
            ValueList.Of(new KernelPort("words", "read_only", 32, 0), new KernelPort("S_AXI_CONTROL", KernelPort.SlaveMode, 32, 0x1000)),
            ValueList.Of(new KernelArgument(0, "words", ArgumentKind.Stream, "words", 0, 0, 0, "hls::stream<int32_t>&"),
                new KernelArgument(1, "n", ArgumentKind.Scalar, "S_AXI_CONTROL", 0x18, 4, 4, "int32_t")),
            ValueList.Of(new ComputeUnit("passthrough_1", 0x1830000, ComputeUnit.PropertiesFor(IpControl.ApCtrlHs), ValueList<ArgumentConnection>.Empty)));
        var design = SampleDesigns.Full() with { Kernels = ValueList.Of(SampleDesigns.Vadd(), stream) };
        var path = Path.Combine(Path.GetDirectoryName(sampleXclbin)!, "axis.xclbin");
        XclbinWriter.WriteFile(design, path);

        using var device = Device.Open("xrt:0");
        device.Load(path);
        Assert.Contains("kernel 'passthrough' argument 'words' is an axis stream port: XRT on xrt:0 cannot feed or drain it",
            Assert.Throws<DeviceArgumentException>(() => device.OpenKernel("passthrough")).Message);
        using var vadd = device.OpenKernel("vadd");   // the design's other kernel opens as ever
    }

    private const int N = 1024;

    /// <summary>Load, check XRT's group ids against the writer's connectivity, allocate, write, sync, run, read back.</summary>
    private static void EndToEnd(string xclbin)
    {
        using var device = Device.Open("xrt:0");
        Assert.Equal("xrt:0", device.Name);
        Assert.Null(device.Design);
        device.Load(xclbin);
        Assert.Equal(SampleDesigns.Full(), device.Design);

        using var vadd = (XrtKernel)device.OpenKernel("vadd");
        using var scale = (XrtKernel)device.OpenKernel("scale");
        // XRT's own answer (xrtKernelArgGroupId) is the bank the writer connected; for an argument on
        // two banks (out: HBM[1], HBM[2]) XRT 2.13 names the higher one, which Accel takes as the default.
        Assert.Equal(0, vadd.GroupIdOf("in"));
        Assert.Equal(2, vadd.GroupIdOf("out"));
        Assert.Equal(3, scale.GroupIdOf("data"));
        foreach (var kernel in new[] { vadd, scale })
            foreach (var arg in kernel.Definition.Arguments.Where(a => a.Kind == ArgumentKind.Global))
                Assert.Equal(ArgumentRules.DefaultBank(kernel.Definition, arg), kernel.GroupIdOf(arg.Name));

        using var input = vadd.AllocateBuffer<int>("in", N);
        using var output = vadd.AllocateBuffer<int>("out", N);
        using var outputLow = vadd.AllocateBuffer<int>("out", N, bank: 1);
        Assert.Equal((0, 2, 1), (input.BankIndex, output.BankIndex, outputLow.BankIndex));
        Assert.Equal(N * 4L, input.SizeBytes);

        var values = Enumerable.Range(0, N).Select(i => i * 3 - 7).ToArray();
        input.Write(values);
        Assert.Equal(values, input.Map().ToArray());          // the mapped host copy is what was written
        input.SyncToDevice();
        output.Map().Fill(-1);
        output.SyncToDevice();

        using var run = vadd.CreateRun();
        run.SetArgument("in", input);
        run.SetArgument("out", output);
        run.SetArgument("n", (uint)N);
        run.Start();
        run.Wait(TimeSpan.FromSeconds(10));
        Assert.Equal(RunState.Completed, run.State);

        output.SyncFromDevice();
        var result = new int[N];
        output.Read(result);
        Assert.All(result, v => Assert.Equal(-1, v));         // noop runs no kernel logic: out keeps the host's data
        input.SyncFromDevice();
        var inputBack = new int[N];
        input.Read(inputBack);
        Assert.Equal(values, inputBack);
        input.Write([42, 43], offset: N - 2);
        var tail = new int[2];
        input.Read(tail, offset: N - 2);
        Assert.Equal([42, 43], tail);

        run.SetArgument("out", outputLow);                    // a run restarts with a changed argument
        run.Start();
        run.Wait(Timeout.InfiniteTimeSpan);
        Assert.Equal(RunState.Completed, run.State);

        using var data = scale.AllocateBuffer<float>("data", 256);
        using var scaleRun = scale.CreateRun();               // two compute units behind one kernel
        scaleRun.SetArgument("data", data);
        scaleRun.SetArgument("factor", 2.5f);
        scaleRun.SetArgument("n", 256u);
        scaleRun.Start();
        scaleRun.Wait(TimeSpan.FromSeconds(10));
        Assert.Equal(RunState.Completed, scaleRun.State);
    }

    /// <summary>Every refusal through the XRT backend, each with a message naming what was wrong.</summary>
    private static void Refusals(string xclbin)
    {
        var device = Device.Open("xrt:0");
        Assert.Contains("load an xclbin before opening kernels", Assert.Throws<InvalidOperationException>(() => device.OpenKernel("vadd")).Message);
        device.Load(xclbin);
        Assert.Contains("design 'accel_sample' has no kernel 'vsub'; its kernels are vadd, scale, orphan",
            Assert.Throws<DeviceArgumentException>(() => device.OpenKernel("vsub")).Message);

        var vadd = device.OpenKernel("vadd");
        Assert.Contains("kernel 'vadd' has no argument 'inp'; its arguments are in, out, n",
            Assert.Throws<DeviceArgumentException>(() => vadd.AllocateBuffer<int>("inp", 16)).Message);
        Assert.Contains("argument 'in' is not connected to bank 1; it is connected to bank(s) 0",
            Assert.Throws<DeviceArgumentException>(() => vadd.AllocateBuffer<int>("in", 16, bank: 1)).Message);
        Assert.Contains("argument 'in' is 'int*'; it takes a buffer of Int32, not Single",
            Assert.Throws<DeviceArgumentException>(() => vadd.AllocateBuffer<float>("in", 16)).Message);
        Assert.Contains("argument 'n' is a Scalar argument ('unsigned int'); only memory (global) arguments take buffers",
            Assert.Throws<DeviceArgumentException>(() => vadd.AllocateBuffer<uint>("n", 16)).Message);
        Assert.Contains("at least one element", Assert.Throws<ArgumentOutOfRangeException>(() => vadd.AllocateBuffer<int>("in", 0)).Message);
        Assert.Contains("does not fit bank 0 ('HBM[0]') of 268435456 bytes",
            Assert.Throws<ArgumentOutOfRangeException>(() => vadd.AllocateBuffer<int>("in", 100_000_000)).Message);

        var input = vadd.AllocateBuffer<int>("in", 16);
        var output = vadd.AllocateBuffer<int>("out", 16);
        Assert.Contains("write of 17 element(s) at offset 0 does not fit a buffer of 16 element(s)",
            Assert.Throws<ArgumentOutOfRangeException>(() => input.Write(new int[17])).Message);
        Assert.Contains("read of 4 element(s) at offset 13",
            Assert.Throws<ArgumentOutOfRangeException>(() => input.Read(new int[4], offset: 13)).Message);

        var run = vadd.CreateRun();
        Assert.Contains("argument 'out' cannot reach bank 0, where the buffer lives; it is connected to bank(s) 1, 2",
            Assert.Throws<DeviceArgumentException>(() => run.SetArgument("out", input)).Message);
        Assert.Contains("is 'unsigned int' of 4 bytes; a UInt64 has 8",
            Assert.Throws<DeviceArgumentException>(() => run.SetArgument("n", 16UL)).Message);
        Assert.Contains("pass a UInt32, not a Int32", Assert.Throws<DeviceArgumentException>(() => run.SetArgument("n", 16)).Message);
        Assert.Contains("argument 'in' is a Global argument ('int*'); pass a buffer",
            Assert.Throws<DeviceArgumentException>(() => run.SetArgument("in", 5u)).Message);
        Assert.Contains("only memory (global) arguments take buffers",
            Assert.Throws<DeviceArgumentException>(() => run.SetArgument("n", input)).Message);
        Assert.Contains("the run was never started", Assert.Throws<InvalidOperationException>(() => run.Wait(TimeSpan.FromSeconds(1))).Message);
        run.SetArgument("in", input);
        Assert.Contains("kernel 'vadd': set argument(s) out, n before starting", Assert.Throws<InvalidOperationException>(run.Start).Message);

        var scale = device.OpenKernel("scale");
        var data = scale.AllocateBuffer<float>("data", 16);
        Assert.Contains("it takes a buffer of Int32, not Single", Assert.Throws<DeviceArgumentException>(() => run.SetArgument("in", data)).Message);

        run.SetArgument("out", output);
        run.SetArgument("n", 16u);
        run.Start();
        Assert.Contains("must be positive", Assert.Throws<ArgumentOutOfRangeException>(() => run.Wait(TimeSpan.Zero)).Message);
        run.Wait(TimeSpan.FromSeconds(10));
        Assert.Contains("while 2 kernel(s), 3 buffer(s) and 1 run(s) of the current design are open",
            Assert.Throws<InvalidOperationException>(() => device.Load(xclbin)).Message);

        // The device frees what it owns; afterwards those objects refuse to be used.
        device.Dispose();
        Assert.Throws<ObjectDisposedException>(() => input.Write(new int[1]));
        Assert.Throws<ObjectDisposedException>(run.Start);
        Assert.Throws<ObjectDisposedException>(() => vadd.CreateRun());
        input.Dispose();                                      // disposing again is harmless
        device.Dispose();
    }

    /// <summary>A call XRT refuses (Accel's checks pass) carries XRT's own message.</summary>
    private static void XrtError(string xclbin)
    {
        using var device = Device.Open("xrt:0");
        device.Load(xclbin);
        var e = Assert.Throws<XrtException>(() => device.OpenKernel("orphan"));
        Assert.Equal("opening kernel 'orphan' on xrt:0", e.Operation);
        Assert.Contains("No compute units matching 'orphan'", e.XrtMessages);
        Assert.StartsWith("XRT: opening kernel 'orphan' on xrt:0 failed: ERROR: No compute units matching 'orphan'", e.Message);
        using var vadd = device.OpenKernel("vadd");           // the device is still usable

        // The error-string call renders a code (built as XRT_ERROR_CODE_BUILD(1, 1, 4, 1, 1) does); noop keeps
        // no asynchronous errors, so a failed run there would add nothing from the device.
        var handle = ((XrtDevice)device).Handle;
        var firewall = 1ul | 1ul << 16 | 4ul << 24 | 1ul << 32 | 1ul << 40;
        Assert.Equal("Error Number (1): FIREWALL_TRIP; Error Driver (1): DRIVER_XOCL; Error Severity (4): SEVERITY_ERROR; " +
                     "Error Module (1): MODULE_FIREWALL; Error Class (1): CLASS_SYSTEM", XrtErrors.Describe(handle, firewall));
        Assert.Equal("", XrtErrors.DeviceErrors(handle));

        var garbage = Path.Combine(Path.GetDirectoryName(xclbin)!, "garbage.xclbin");
        File.WriteAllBytes(garbage, new byte[600]);
        Assert.Contains("m_magic", Assert.Throws<XclbinFormatException>(() => device.Load(garbage)).Message);
    }

    /// <summary>
    /// With xrt.ini's noop_completion_delay_us = 1 s, a started run stays New until noop's completion
    /// thread marks it; XRT's noop wait ignores the timeout and returns only once the run is complete.
    /// </summary>
    private static void DelayedCompletion(string xclbin)
    {
        using var device = Device.Open("xrt:0");
        device.Load(xclbin);
        using var vadd = device.OpenKernel("vadd");
        using var input = vadd.AllocateBuffer<int>("in", 16);
        using var output = vadd.AllocateBuffer<int>("out", 16);
        using var run = vadd.CreateRun();
        run.SetArgument("in", input);
        run.SetArgument("out", output);
        run.SetArgument("n", 16u);
        var clock = Stopwatch.StartNew();
        run.Start();
        Assert.Equal(RunState.New, run.State);
        run.Wait(TimeSpan.FromMilliseconds(50));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"returned after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(RunState.Completed, run.State);
    }

    /// <summary>Nothing disposed: the device closes what is left when the process exits, so XRT does not crash.</summary>
    private static void LeakAtExit(string xclbin)
    {
        var device = Device.Open("xrt:0");
        device.Load(xclbin);
        var vadd = device.OpenKernel("vadd");
        var input = vadd.AllocateBuffer<int>("in", 16);
        var output = vadd.AllocateBuffer<int>("out", 16);
        var run = vadd.CreateRun();
        run.SetArgument("in", input);
        run.SetArgument("out", output);
        run.SetArgument("n", 16u);
        run.Start();
        run.Wait(TimeSpan.FromSeconds(10));
    }

    /// <summary>An environment XRT would abort on gives an exception instead, before XRT is touched.</summary>
    private static void OpenUnavailable(string expected)
    {
        var e = Assert.Throws<XrtUnavailableException>(() => Device.Open("xrt:0"));
        Assert.Contains(expected, e.Message);
    }
}
