namespace Accel.Runtime.Tests.Devices;

/// <summary>The backend-neutral refusals every device applies, checked without a device.</summary>
public sealed class ArgumentRulesTests
{
    private static readonly XclbinKernel Vadd = SampleDesigns.Vadd();
    private static readonly XclbinKernel Scale = SampleDesigns.Scale();

    private static KernelArgument Arg(XclbinKernel kernel, string name) => ArgumentRules.Resolve(kernel, name);

    private sealed class FakeBuffer(int bank, Type elementType) : IBuffer
    {
        public int BankIndex => bank;
        public long SizeBytes => 64;
        public Type ElementType => elementType;
        public void SyncToDevice() { }
        public void SyncFromDevice() { }
        public void Dispose() { }
    }

    [Fact]
    public void Unknown_argument_names_the_kernel_and_lists_its_arguments()
    {
        var e = Assert.Throws<DeviceArgumentException>(() => ArgumentRules.Resolve(Vadd, "inp"));
        Assert.Contains("kernel 'vadd' has no argument 'inp'; its arguments are in, out, n", e.Message);
    }

    [Fact]
    public void Default_bank_is_the_highest_connected_bank_as_xrt_reports_it()
    {
        Assert.Equal(0, ArgumentRules.DefaultBank(Vadd, Arg(Vadd, "in")));
        Assert.Equal([1, 2], ArgumentRules.ConnectedBanks(Vadd, Arg(Vadd, "out")));
        Assert.Equal(2, ArgumentRules.DefaultBank(Vadd, Arg(Vadd, "out")));
    }

    [Fact]
    public void Banks_must_be_reachable_from_every_compute_unit()
    {
        Assert.Equal([3], ArgumentRules.ConnectedBanks(Scale, Arg(Scale, "data")));
        var split = Scale with
        {
            ComputeUnits = ValueList.Of(
                Scale.ComputeUnits[0],
                Scale.ComputeUnits[1] with { Connections = ValueList.Of(new ArgumentConnection(0, 2)) }),
        };
        var e = Assert.Throws<DeviceArgumentException>(() => ArgumentRules.DefaultBank(split, Arg(split, "data")));
        Assert.Contains("connected to no memory bank shared by all its compute units", e.Message);
    }

    [Fact]
    public void Requested_bank_must_be_connected()
    {
        Assert.Equal(1, ArgumentRules.BankFor(Vadd, Arg(Vadd, "out"), 1));
        var e = Assert.Throws<DeviceArgumentException>(() => ArgumentRules.BankFor(Vadd, Arg(Vadd, "out"), 0));
        Assert.Contains("argument 'out' is not connected to bank 0; it is connected to bank(s) 1, 2", e.Message);
    }

    [Fact]
    public void Kernel_without_compute_units_has_no_bank()
    {
        var orphan = SampleDesigns.Orphan() with
        {
            Arguments = ValueList.Of(new KernelArgument(0, "p", ArgumentKind.Global, "S_AXI_CONTROL", 0x10, 8, 8, "int*")),
        };
        var e = Assert.Throws<DeviceArgumentException>(() => ArgumentRules.DefaultBank(orphan, Arg(orphan, "p")));
        Assert.Contains("(the kernel has no compute units)", e.Message);
    }

    [Fact]
    public void Buffer_element_type_must_match_a_known_pointer_type()
    {
        ArgumentRules.CheckElementType<int>(Vadd, Arg(Vadd, "in"));
        var e = Assert.Throws<DeviceArgumentException>(() => ArgumentRules.CheckElementType<float>(Vadd, Arg(Vadd, "in")));
        Assert.Contains("argument 'in' is 'int*'; it takes a buffer of Int32, not Single", e.Message);
    }

    [Fact]
    public void Unknown_pointer_spellings_accept_any_element_type()
    {
        var wide = Arg(Vadd, "in") with { Type = "ap_uint<512>*" };
        ArgumentRules.CheckElementType<ulong>(Vadd, wide);
        ArgumentRules.CheckElementType<byte>(Vadd, wide);
    }

    [Fact]
    public void Buffers_are_refused_for_scalar_arguments()
    {
        var e = Assert.Throws<DeviceArgumentException>(() => ArgumentRules.DefaultBank(Vadd, Arg(Vadd, "n")));
        Assert.Contains("argument 'n' is a Scalar argument ('unsigned int'); only memory (global) arguments take buffers", e.Message);
    }

    [Fact]
    public void Buffer_in_an_unreachable_bank_is_refused()
    {
        ArgumentRules.CheckBuffer(Vadd, Arg(Vadd, "out"), new FakeBuffer(1, typeof(int)));
        var e = Assert.Throws<DeviceArgumentException>(() => ArgumentRules.CheckBuffer(Vadd, Arg(Vadd, "out"), new FakeBuffer(0, typeof(int))));
        Assert.Contains("argument 'out' cannot reach bank 0, where the buffer lives; it is connected to bank(s) 1, 2", e.Message);
    }

    [Fact]
    public void Scalar_must_have_the_argument_size_and_known_type()
    {
        ArgumentRules.CheckScalar<uint>(Vadd, Arg(Vadd, "n"));
        ArgumentRules.CheckScalar<float>(Scale, Arg(Scale, "factor"));
        Assert.Contains("is 'unsigned int' of 4 bytes; a UInt64 has 8",
            Assert.Throws<DeviceArgumentException>(() => ArgumentRules.CheckScalar<ulong>(Vadd, Arg(Vadd, "n"))).Message);
        Assert.Contains("argument 'n' is 'unsigned int'; pass a UInt32, not a Int32",
            Assert.Throws<DeviceArgumentException>(() => ArgumentRules.CheckScalar<int>(Vadd, Arg(Vadd, "n"))).Message);
        Assert.Contains("argument 'in' is a Global argument ('int*'); pass a buffer, not a UInt32 value",
            Assert.Throws<DeviceArgumentException>(() => ArgumentRules.CheckScalar<uint>(Vadd, Arg(Vadd, "in"))).Message);
    }

    [Theory]
    [InlineData("const float *", typeof(float))]
    [InlineData("volatile  unsigned   int*", typeof(uint))]
    [InlineData("int64_t*", typeof(long))]
    public void C_pointer_spellings_map_to_managed_types(string cType, Type expected) =>
        Assert.Equal(expected, CTypeNames.ManagedTypeOf(CTypeNames.PointeeOf(cType)!));

    [Fact]
    public void Buffer_lengths_and_ranges_are_checked()
    {
        var bank = new MemoryBank("HBM[0]", MemoryType.Hbm, true, 0, SampleDesigns.BankKiB);
        BufferRules.CheckLength<int>(bank, 0, 64 * 1024 * 1024);    // exactly 256 MiB
        Assert.Contains("at least one element", Assert.Throws<ArgumentOutOfRangeException>(() => BufferRules.CheckLength<int>(bank, 0, 0)).Message);
        Assert.Contains("67108865 x Int32 = 268435460 bytes does not fit bank 0 ('HBM[0]') of 268435456 bytes",
            Assert.Throws<ArgumentOutOfRangeException>(() => BufferRules.CheckLength<int>(bank, 0, 64 * 1024 * 1024 + 1)).Message);
        BufferRules.CheckRange(16, 12, 4, "write");
        Assert.Contains("write of 5 element(s) at offset 12 does not fit a buffer of 16 element(s)",
            Assert.Throws<ArgumentOutOfRangeException>(() => BufferRules.CheckRange(16, 12, 5, "write")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BufferRules.CheckRange(16, -1, 1, "read"));
    }
}
