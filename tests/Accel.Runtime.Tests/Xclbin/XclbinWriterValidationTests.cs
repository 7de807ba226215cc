namespace Accel.Runtime.Tests.Xclbin;

/// <summary>The writer refuses designs that would make a file XRT or the reader cannot use.</summary>
public sealed class XclbinWriterValidationTests
{
    private static void Refused(XclbinDesign design, string expected)
    {
        var e = Assert.Throws<DeviceArgumentException>(() => XclbinWriter.Write(design));
        Assert.Contains(expected, e.Message);
    }

    private static XclbinDesign WithVadd(Func<XclbinKernel, XclbinKernel> change)
    {
        var design = SampleDesigns.Full();
        return design with { Kernels = design.Kernels.Select(k => k.Name == "vadd" ? change(k) : k).ToValueList() };
    }

    [Fact]
    public void Bank_tag_longer_than_its_field_is_refused()
    {
        var design = SampleDesigns.Full();
        Refused(design with { MemoryBanks = ValueList.Of(design.MemoryBanks[0] with { Tag = "A_VERY_LONG_BANK_NAME" }) },
            "memory bank 0 tag 'A_VERY_LONG_BANK_NAME' has 21 characters; at most 15 fit");
    }

    [Fact]
    public void Compute_unit_name_longer_than_the_ip_name_field_is_refused() =>
        Refused(WithVadd(k => k with { ComputeUnits = ValueList.Of(k.ComputeUnits[0] with { Name = new string('u', 60) }) }),
            "compute unit IP name");

    [Fact]
    public void Argument_index_not_matching_its_position_is_refused() =>
        Refused(WithVadd(k => k with { Arguments = ValueList.Of(k.Arguments[1], k.Arguments[0], k.Arguments[2]) }),
            "argument 'out' is at position 0 but has index 1");

    [Fact]
    public void Connection_to_a_missing_bank_is_refused() =>
        Refused(WithVadd(k => k with { ComputeUnits = ValueList.Of(k.ComputeUnits[0] with { Connections = ValueList.Of(new ArgumentConnection(0, 9)) }) }),
            "no memory bank 9 (the design has 4)");

    [Fact]
    public void Connection_of_a_scalar_is_refused() =>
        Refused(WithVadd(k => k with { ComputeUnits = ValueList.Of(k.ComputeUnits[0] with { Connections = ValueList.Of(new ArgumentConnection(2, 0)) }) }),
            "argument 'n' is a scalar");

    [Fact]
    public void Connection_to_an_unused_bank_is_refused()
    {
        var design = SampleDesigns.Full();
        Refused(design with { MemoryBanks = design.MemoryBanks.Select((b, i) => i == 0 ? b with { Used = false } : b).ToValueList() },
            "bank 0 ('HBM[0]') is marked unused");
    }

    [Fact]
    public void Argument_registers_beyond_the_control_range_are_refused() =>
        Refused(WithVadd(k => k with { Arguments = ValueList.Of(k.Arguments[0], k.Arguments[1], k.Arguments[2] with { Offset = 0xFFE }) }),
            "beyond the control range 0x1000");

    [Fact]
    public void Argument_on_an_undeclared_port_is_refused() =>
        Refused(WithVadd(k => k with { Arguments = ValueList.Of(k.Arguments[0] with { Port = "M_AXI_NOPE" }, k.Arguments[1], k.Arguments[2]) }),
            "uses port 'M_AXI_NOPE'");

    [Fact]
    public void Compute_units_out_of_base_address_order_are_refused()
    {
        var design = SampleDesigns.Full();
        var scale = design.Kernels[1];
        Refused(design with { Kernels = ValueList.Of(design.Kernels[0], scale with { ComputeUnits = ValueList.Of(scale.ComputeUnits[1], scale.ComputeUnits[0]) }) },
            "listed by increasing base address");
    }

    [Fact]
    public void Duplicate_compute_unit_base_addresses_are_refused() =>
        Refused(WithVadd(k => k with { ComputeUnits = ValueList.Of(k.ComputeUnits[0] with { BaseAddress = 0x1810000 }) }),
            "compute unit base addresses must be unique; '0x1810000'");

    [Fact]
    public void Kernel_name_with_a_colon_is_refused() =>
        Refused(WithVadd(k => k with { Name = "v:add" }), "kernel name 'v:add' must be non-empty and contain no ':'");
}
