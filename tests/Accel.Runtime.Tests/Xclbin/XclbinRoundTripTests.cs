namespace Accel.Runtime.Tests.Xclbin;

public sealed class XclbinRoundTripTests
{
    [Fact]
    public void Reader_returns_the_design_the_writer_packed()
    {
        var design = SampleDesigns.Full();

        var file = XclbinReader.Read(new MemoryStream(XclbinWriter.Write(design)), "sample.xclbin");

        Assert.Equal(design, file.Design);
        Assert.Empty(file.OtherIps);
    }

    [Fact]
    public void Round_trip_keeps_a_design_without_kernels_banks_or_clocks()
    {
        var design = new XclbinDesign("empty", Guid.NewGuid(), "platform", ValueList<MemoryBank>.Empty,
            ValueList<XclbinKernel>.Empty, ValueList<ClockFrequency>.Empty);

        Assert.Equal(design, XclbinReader.Read(new MemoryStream(XclbinWriter.Write(design)), "empty.xclbin").Design);
    }

    [Fact]
    public void Writer_output_follows_the_axlf_layout_of_xclbin_h()
    {
        var bytes = SampleDesigns.FullBytes();

        Assert.Equal("xclbin2\0"u8.ToArray(), bytes[..8]);
        Assert.Equal(-1, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));                // unsigned
        Assert.Equal((ulong)bytes.Length, BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(304)));
        Assert.Equal(SampleDesigns.Uuid.ToByteArray(bigEndian: true), bytes[416..432]);
        Assert.Equal(5u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(448)));
        var kinds = Enumerable.Range(0, 5).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(456 + 40 * i))).ToArray();
        Assert.Equal(new uint[] { 2, 6, 7, 8, 11 }, kinds);   // EMBEDDED_METADATA, MEM_TOPOLOGY, CONNECTIVITY, IP_LAYOUT, CLOCK_FREQ_TOPOLOGY
        for (var i = 0; i < 5; i++)
            Assert.Equal(0ul, BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(456 + 40 * i + 24)) % 8);
    }

    [Fact]
    public void Ip_layout_lists_compute_units_by_base_address_and_connectivity_points_at_them()
    {
        var bytes = SampleDesigns.FullBytes();
        var ip = AxlfSurgery.SectionStart(bytes, SectionKind.IpLayout);
        var conn = AxlfSurgery.SectionStart(bytes, SectionKind.Connectivity);

        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(ip)));
        string Name(int i) => System.Text.Encoding.ASCII.GetString(bytes, ip + 8 + 80 * i + 16, 64).TrimEnd('\0');
        Assert.Equal(["vadd:vadd_1", "scale:scale_1", "scale:scale_2"], new[] { Name(0), Name(1), Name(2) });
        // (arg, ip, bank) for vadd in->0, out->1, out->2, then scale_1 and scale_2 data->3.
        var expected = new[] { (0, 0, 0), (1, 0, 1), (1, 0, 2), (0, 1, 3), (0, 2, 3) };
        Assert.Equal(expected.Length, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(conn)));
        for (var i = 0; i < expected.Length; i++)
        {
            var at = conn + 4 + 12 * i;
            Assert.Equal(expected[i], (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at)),
                BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 4)), BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at + 8))));
        }
    }

    [Fact]
    public void Same_design_gives_the_same_bytes()
    {
        Assert.Equal(SampleDesigns.FullBytes(), SampleDesigns.FullBytes());
    }

    [Fact]
    public void Reader_reads_a_file_from_disk_and_names_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"accel-roundtrip-{Guid.NewGuid():N}.xclbin");
        try
        {
            XclbinWriter.WriteFile(SampleDesigns.Full(), path);
            var file = XclbinReader.Read(path);
            Assert.Equal(path, file.Source);
            Assert.Equal(SampleDesigns.Full(), file.Design);
            Assert.Equal(new Version(2, 13, 0), file.Header.Version);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
