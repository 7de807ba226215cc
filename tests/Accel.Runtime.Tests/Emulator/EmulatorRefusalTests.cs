namespace Accel.Runtime.Tests.Emulator;

/// <summary>Bad input on the emulator, refused with the same words as the XRT backend (see XrtScenarios.Refusals).</summary>
public sealed class EmulatorRefusalTests(SoftmaxXclbin xclbin) : IClassFixture<SoftmaxXclbin>
{
    [Fact]
    public void Names_banks_sizes_and_types_are_refused()
    {
        Assert.Contains("device 'emu:u55c': the emulator is opened as 'emu'", Assert.Throws<DeviceArgumentException>(() => Device.Open("emu:u55c")).Message);
        using var device = Device.Open("emu");
        Assert.Contains("load an xclbin (or a kernel design) before opening kernels", Assert.Throws<InvalidOperationException>(() => device.OpenKernel("softmax")).Message);
        device.Load(xclbin.XclbinPath);
        Assert.Contains("design 'accel:softmax:row16:actIntBits=10,expTableBits=8,lanes=1,rowLength=16' has no kernel 'vsub'; its kernels are softmax",
            Assert.Throws<DeviceArgumentException>(() => device.OpenKernel("vsub")).Message);

        var kernel = device.OpenKernel("softmax");
        Assert.Contains("kernel 'softmax' has no argument 'score'; its arguments are scores, probs, rows",
            Assert.Throws<DeviceArgumentException>(() => kernel.AllocateBuffer<int>("score", 16)).Message);
        Assert.Contains("argument 'scores' is not connected to bank 1; it is connected to bank(s) 0",
            Assert.Throws<DeviceArgumentException>(() => kernel.AllocateBuffer<int>("scores", 16, bank: 1)).Message);
        Assert.Contains("argument 'scores' is 'const int32_t*'; it takes a buffer of Int32, not Single",
            Assert.Throws<DeviceArgumentException>(() => kernel.AllocateBuffer<float>("scores", 16)).Message);
        Assert.Contains("argument 'rows' is a Scalar argument ('int32_t'); only memory (global) arguments take buffers",
            Assert.Throws<DeviceArgumentException>(() => kernel.AllocateBuffer<int>("rows", 16)).Message);
        Assert.Contains("at least one element", Assert.Throws<ArgumentOutOfRangeException>(() => kernel.AllocateBuffer<int>("scores", 0)).Message);
        Assert.Contains("does not fit bank 0 ('HBM[0]') of 536870912 bytes",
            Assert.Throws<ArgumentOutOfRangeException>(() => kernel.AllocateBuffer<int>("scores", 200_000_000)).Message);

        var scores = kernel.AllocateBuffer<int>("scores", 16);
        Assert.Contains("write of 17 element(s) at offset 0 does not fit a buffer of 16 element(s)",
            Assert.Throws<ArgumentOutOfRangeException>(() => scores.Write(new int[17])).Message);
        Assert.Contains("read of 4 element(s) at offset 13", Assert.Throws<ArgumentOutOfRangeException>(() => scores.Read(new int[4], offset: 13)).Message);

        var run = kernel.CreateRun();
        Assert.Contains("argument 'probs' cannot reach bank 0, where the buffer lives; it is connected to bank(s) 1",
            Assert.Throws<DeviceArgumentException>(() => run.SetArgument("probs", scores)).Message);
        Assert.Contains("is 'int32_t' of 4 bytes; a Int64 has 8", Assert.Throws<DeviceArgumentException>(() => run.SetArgument("rows", 4L)).Message);
        Assert.Contains("pass a Int32, not a UInt32", Assert.Throws<DeviceArgumentException>(() => run.SetArgument("rows", 4u)).Message);
        Assert.Contains("argument 'scores' is a Global argument ('const int32_t*'); pass a buffer",
            Assert.Throws<DeviceArgumentException>(() => run.SetArgument("scores", 5)).Message);
        using (var other = xclbin.OpenEmulator())
        {
            var foreign = other.OpenKernel("softmax").AllocateBuffer<int>("scores", 16);
            Assert.Contains("the buffer belongs to another device", Assert.Throws<DeviceArgumentException>(() => run.SetArgument("scores", foreign)).Message);
        }
        Assert.Contains("the run was never started", Assert.Throws<InvalidOperationException>(() => run.Wait(TimeSpan.FromSeconds(1))).Message);
        run.SetArgument("scores", scores);
        Assert.Contains("kernel 'softmax': set argument(s) probs, rows before starting", Assert.Throws<InvalidOperationException>(run.Start).Message);
        Assert.Contains("while 1 kernel(s), 1 buffer(s) and 1 run(s) of the current design are open",
            Assert.Throws<InvalidOperationException>(() => device.Load(xclbin.XclbinPath)).Message);

        device.Dispose();
        Assert.Throws<ObjectDisposedException>(() => scores.Write(new int[1]));
        Assert.Throws<ObjectDisposedException>(run.Start);
        Assert.Throws<ObjectDisposedException>(() => kernel.CreateRun());
    }

    [Fact]
    public void An_xclbin_accel_did_not_write_is_refused_with_the_reason()
    {
        var vendor = Path.Combine(xclbin.Root, "vendor.xclbin");
        XclbinWriter.WriteFile(SampleDesigns.Full(), vendor);
        using var device = Device.Open("emu");
        var e = Assert.Throws<DeviceArgumentException>(() => device.Load(vendor));
        Assert.Contains($"{vendor}: the emulator cannot run this xclbin: its design name 'accel_sample' is not one Accel writes", e.Message);
        Assert.Null(device.Design);

        var garbage = Path.Combine(xclbin.Root, "garbage.xclbin");
        File.WriteAllBytes(garbage, new byte[600]);
        Assert.Contains("m_magic", Assert.Throws<XclbinFormatException>(() => device.Load(garbage)).Message);
    }

    /// <summary>A run of softmax over <paramref name="rows"/> rows, its buffers of the given lengths, every argument set.</summary>
    private static IRun SoftmaxRun(IDevice device, int scores, int probs, int rows)
    {
        var kernel = device.OpenKernel("softmax");
        var run = kernel.CreateRun();
        run.SetArgument("scores", kernel.AllocateBuffer<int>("scores", scores));
        run.SetArgument("probs", kernel.AllocateBuffer<int>("probs", probs));
        run.SetArgument("rows", rows);
        return run;
    }

    [Fact]
    public void A_buffer_shorter_than_the_kernel_reads_fails_the_run_with_the_cause()
    {
        using var device = xclbin.OpenEmulator();
        using var run = SoftmaxRun(device, scores: 16, probs: 64, rows: 4);   // 4 rows read 64 scores
        run.Start();
        var e = Assert.Throws<RunFailedException>(() => run.Wait(TimeSpan.FromSeconds(60)));
        Assert.Equal(RunState.Error, e.State);
        Assert.Contains("kernel 'softmax': run ended in state Error: the kernel accessed an array argument out of bounds", e.Message);
        Assert.Contains("is every buffer as long as the kernel reads and writes", e.Message);
        Assert.Equal(RunState.Error, run.State);
        Assert.Null(((EmulatorRun)run).Report);
    }

    [Fact]
    public void A_tiny_wait_on_a_long_run_times_out_and_a_later_wait_completes()
    {
        using var device = xclbin.OpenEmulator();
        const int rows = 4096;   // 65,536 scores: about 0.2 s of emulation even once the hooked kernel is compiled and cached
        using var run = SoftmaxRun(device, scores: rows * 16, probs: rows * 16, rows);
        Assert.Equal(RunState.New, run.State);
        run.Start();
        var e = Assert.Throws<RunTimeoutException>(() => run.Wait(TimeSpan.FromMilliseconds(1)));
        Assert.Equal(RunState.Running, e.LastState);
        Assert.Contains("kernel 'softmax': run did not finish within 1 ms (last state Running)", e.Message);
        Assert.Contains("still in progress", Assert.Throws<InvalidOperationException>(run.Start).Message);
        Assert.Contains("must be positive", Assert.Throws<ArgumentOutOfRangeException>(() => run.Wait(TimeSpan.Zero)).Message);
        run.Wait(Timeout.InfiniteTimeSpan);
        Assert.Equal(RunState.Completed, run.State);
        Assert.NotNull(((EmulatorRun)run).Report);
    }
}
