using System.Text;
using static Accel.Runtime.Tests.Xclbin.AxlfSurgery;

namespace Accel.Runtime.Tests.Xclbin;

/// <summary>Each kind of damage gives an XclbinFormatException naming the file, the field and what was expected.</summary>
public sealed class XclbinMalformedTests
{
    private const string Name = "bad.xclbin";
    private static readonly byte[] Good = SampleDesigns.FullBytes();

    private static XclbinFormatException Refused(byte[] bytes, params string[] mentions)
    {
        var e = Assert.Throws<XclbinFormatException>(() => XclbinReader.Read(new MemoryStream(bytes), Name));
        Assert.Equal(Name, e.FileName);
        Assert.StartsWith(Name + ": ", e.Message);
        foreach (var text in mentions)
            Assert.Contains(text, e.Message);
        return e;
    }

    [Fact]
    public void Empty_and_short_files_are_refused() =>
        Refused(Good[..100], "axlf header", "100 bytes", "456-byte header");

    [Fact]
    public void Wrong_magic_is_refused() =>
        Refused(WithBytes(Good, 0, "xclbin0\0"u8), "m_magic", "xclbin2", "xclbin0");

    [Fact]
    public void Truncated_file_is_refused_by_its_length_field() =>
        Refused(Good[..^1], "m_length", $"{Good.Length} bytes but it is {Good.Length - 1}", "truncated");

    [Fact]
    public void Trailing_bytes_are_refused_by_the_length_field() =>
        Refused(Good.Concat(new byte[8]).ToArray(), "m_length");

    [Theory]
    [InlineData(0x10001u)]
    [InlineData(uint.MaxValue)]
    public void Section_count_above_the_xrt_maximum_is_refused(uint count) =>
        Refused(WithU32(Good, NumSectionsField, count), "m_numSections", "XCLBIN_MAX_NUM_SECTION", count.ToString());

    [Fact]
    public void Section_table_running_past_the_end_is_refused() =>
        Refused(WithU32(Good, NumSectionsField, 1000), "m_numSections", "1000 section headers need 40456 bytes");

    [Theory]
    [InlineData(1ul << 40, 16ul)]
    [InlineData(456ul, ulong.MaxValue)]     // offset + size overflows 64 bits
    [InlineData(ulong.MaxValue, 1ul)]
    public void Section_outside_the_file_is_refused(ulong offset, ulong size)
    {
        var header = SectionHeader(Good, SectionKind.MemTopology);
        Refused(WithU64(WithU64(Good, header + 24, offset), header + 32, size),
            "section table entry 1 (MemTopology) m_sectionOffset/m_sectionSize", "inside the");
    }

    [Theory]
    [InlineData(int.MaxValue, "room for 4 entries")]
    [InlineData(-1, "expected a count >= 0")]
    public void Mem_topology_count_that_does_not_fit_is_refused(int count, string expected) =>
        Refused(WithI32(Good, SectionStart(Good, SectionKind.MemTopology), count), "(MemTopology) m_count", expected);

    [Fact]
    public void Ip_layout_count_that_does_not_fit_is_refused() =>
        Refused(WithI32(Good, SectionStart(Good, SectionKind.IpLayout), 4), "(IpLayout) m_count", "room for 3 entries");

    [Fact]
    public void Clock_count_that_does_not_fit_is_refused() =>
        Refused(WithBytes(Good, SectionStart(Good, SectionKind.ClockFreqTopology), [0xFF, 0x7F]), "(ClockFreqTopology) m_count", "32767");

    [Theory]
    [InlineData(4, 7, "m_connection[0].m_ip_layout_index", "0..2; found 7")]
    [InlineData(8, 4, "m_connection[0].mem_data_index", "0..3; found 4")]
    [InlineData(0, 3, "m_connection[0].arg_index", "kernel 'vadd' has arguments 0..2; found 3")]
    [InlineData(0, -5, "m_connection[0].arg_index", "found -5")]
    public void Connectivity_index_out_of_range_is_refused(int field, int value, string location, string expected) =>
        Refused(WithI32(Good, SectionStart(Good, SectionKind.Connectivity) + 4 + field, value), location, expected);

    [Fact]
    public void Compute_unit_name_without_kernel_prefix_is_refused() =>
        Refused(WithBytes(Good, SectionStart(Good, SectionKind.IpLayout) + 8 + 16, "vadd_1\0"u8),
            "(IpLayout) m_ip_data[0].m_name", "'kernel:instance'", "'vadd_1'");

    [Fact]
    public void Compute_unit_of_an_undescribed_kernel_is_refused() =>
        Refused(WithBytes(Good, SectionStart(Good, SectionKind.IpLayout) + 8 + 16, "vsub:vadd_1\0"u8),
            "m_ip_data[0].m_name", "kernel 'vsub', which EMBEDDED_METADATA does not describe", "vadd, scale, orphan");

    [Fact]
    public void Name_field_without_terminating_nul_is_refused() =>
        Refused(WithBytes(Good, SectionStart(Good, SectionKind.MemTopology) + 8 + 24, "ABCDEFGHIJKLMNOP"u8),
            "m_mem_data[0].m_tag", "NUL-terminated");

    [Fact]
    public void Name_field_with_non_ascii_bytes_is_refused() =>
        Refused(WithBytes(Good, SectionStart(Good, SectionKind.MemTopology) + 8 + 24, [0x48, 0xC3, 0xA9, 0]),
            "m_mem_data[0].m_tag", "printable ASCII", "0xC3");

    [Fact]
    public void Second_section_of_a_metadata_kind_is_refused() =>
        Refused(WithU32(Good, SectionHeader(Good, SectionKind.ClockFreqTopology), (uint)SectionKind.MemTopology),
            "section 4 (MemTopology)", "expected one MemTopology section");

    [Theory]
    [InlineData("<project><platform>", "well-formed XML")]
    [InlineData("<!DOCTYPE p [<!ENTITY a \"aaaa\">]><project/>", "DTD")]
    [InlineData("<kernels/>", "expected root element <project>")]
    [InlineData("<project><platform><device/></platform></project>", "expected a <core> element inside <device>")]
    [InlineData("<project><platform><device><core><kernel/></core></device></platform></project>", "<kernel> needs attribute 'name'")]
    public void Broken_kernel_xml_is_refused(string xml, string expected) =>
        Refused(WithSectionPayload(Good, SectionKind.EmbeddedMetadata, Encoding.UTF8.GetBytes(xml)), "(EmbeddedMetadata)", expected);

    [Theory]
    [InlineData("<arg name='a' addressQualifier='0' id='0' size='4' offset='0xZZ'/>", "attribute 'offset' of <arg>: expected an integer 0..4294967295; found '0xZZ'")]
    [InlineData("<arg name='a' addressQualifier='0' id='0' size='4' offset='0x100000000'/>", "found '0x100000000'")]
    [InlineData("<arg name='a' addressQualifier='9' id='0' size='4' offset='16'/>", "attribute 'addressQualifier' of <arg>: expected an integer 0..4")]
    [InlineData("<arg name='a' addressQualifier='0' id='0' size='4'/>", "<arg> needs attribute 'offset'")]
    [InlineData("<arg name='a' addressQualifier='0' id='1' size='4' offset='16'/><arg name='b' addressQualifier='0' id='1' size='4' offset='20'/>",
        "kernel 'k': expected argument ids 0..1, each once; found ids 1,1")]
    public void Bad_argument_attributes_are_refused(string args, string expected)
    {
        var xml = $"<project><platform><device><core><kernel name='k'>{args}</kernel></core></device></platform></project>";
        Refused(WithSectionPayload(Good, SectionKind.EmbeddedMetadata, Encoding.UTF8.GetBytes(xml)), "(EmbeddedMetadata) line 1", expected);
    }

    [Fact]
    public void Missing_file_is_refused_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"accel-missing-{Guid.NewGuid():N}.xclbin");
        var e = Assert.Throws<XclbinFormatException>(() => XclbinReader.Read(path));
        Assert.Equal(path, e.FileName);
        Assert.Contains("cannot be opened", e.Message);
    }
}
