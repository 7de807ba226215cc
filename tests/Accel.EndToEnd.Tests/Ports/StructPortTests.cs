using Accel.Codegen.Reference;
using Accel.Runtime.Emulator.Designs;

namespace Accel.Tests.Ports;

/// <summary>m_axi ports of structs (Vitis's aggregate): one port of one element of the C layout padded to a power
/// of two bytes. struct_ports: Sample { byte Tag; int Value; short Q } is offsets 0, 4, 8, sizeof 12, 16 bytes on
/// the port; Flagged { bool Valid; float Level } is offsets 0 and 4, 8 bytes. rgb_to_hsv: three bytes padded to 4.
/// The kernels' runs through C simulation, the sanitizers and the emulator, golden bytes included, are rows of
/// <see cref="PortedKernelTests"/>.</summary>
public sealed class StructPortTests
{
    private static readonly KernelProject StructPorts = PortedKernel.Project("StructPorts.cs");

    [Fact]
    public void ThePortIsTheStructWithItsLayoutAssertedAndItsFieldsAccessedInPlace()
    {
        var generated = KernelRuns.Generate(StructPorts, "struct_ports", null, ["n=8"]);
        var header = File.ReadAllText(Path.Combine(generated.Directory, "struct_ports.h"));
        Assert.Contains("struct alignas(16) Sample", header);
        Assert.Contains("static_assert(sizeof(Sample) == 16,", header);
        Assert.Contains("static_assert(offsetof(Sample, Value) == 4,", header);
        Assert.Contains("static_assert(offsetof(Sample, Q) == 8,", header);
        Assert.Contains("static_assert(offsetof(Flagged, Level) == 4,", header);
        Assert.Contains("extern \"C\" void struct_ports(const Sample* samples, const int32_t* offsets, Flagged* flags, Sample* io);", header);
        var cpp = File.ReadAllText(Path.Combine(generated.Directory, "struct_ports.cpp"));
        Assert.Contains("ACCEL_PRAGMA(\"HLS aggregate variable=samples compact=auto\")", cpp);
        Assert.Contains("port=samples bundle=gmem0 offset=slave depth=8 max_widen_bitwidth=128 ", cpp); // not widened past its element
        Assert.DoesNotContain("aggregate variable=offsets", cpp);
        Assert.Contains("flags[i].Level = static_cast<float>(samples[i].Q) * ", cpp);
        // io[i] = new Sample { ..., Q = io[i].Tag }: every field is read before any is written.
        Assert.Contains("int16_t struct_2 = static_cast<int16_t>(io[i].Tag);\n        io[i].Tag = struct_0;", cpp);
    }

    [Fact]
    public void AnElementIsItsFieldsLittleEndianAtTheirOffsetsWithZeroPadding()
    {
        var kernel = KernelCatalog.Find(StructPorts, "struct_ports");
        var type = kernel.RuntimeType.Assembly.GetType("PortedKernels.Sample")!;
        var element = Activator.CreateInstance(type)!;
        type.GetField("Tag")!.SetValue(element, (byte)0xAB);
        type.GetField("Value")!.SetValue(element, 0x01020304);
        type.GetField("Q")!.SetValue(element, (short)-2);
        var array = Array.CreateInstance(type, 2);
        array.SetValue(element, 1);
        byte[] expected = [.. new byte[16], 0xAB, 0, 0, 0, 0x04, 0x03, 0x02, 0x01, 0xFE, 0xFF, 0, 0, 0, 0, 0, 0];
        var bytes = (byte[])BoardLayout.Of(array);
        Assert.Equal(expected, bytes);
        Assert.Equal(array, BoardLayout.ToKernel(bytes, type, null));
    }

    [Fact]
    public void TheEmulatorChargesOneWideElementPerStructAccess()
    {
        var emulated = KernelRuns.Emulate(StructPorts, "struct_ports", null, ["n=8"]);
        var ports = emulated.Report.Ports.ToDictionary(p => p.Name);
        // By hand, 8 iterations. A port of structs is not widened (UG1399): its beat is one padded element. samples:
        // three fields read in each iteration are one 16-byte element: 8 x 16 = 128 bytes (not 3 x 128), in 8
        // requests (no burst: offsets shares gmem0's read channel). offsets: 8 x 4 = 32. flags: two fields written
        // per iteration, one 8-byte element: 64 bytes, 8 beats, one burst. io: each element read once and written
        // once, 128 bytes each way, 8 beats, one read burst and one write burst.
        Assert.Equal((128L, 0L, 8L), (ports["samples"].BytesRead, ports["samples"].BytesWritten, ports["samples"].ReadRequests));
        Assert.Equal((32L, 8L), (ports["offsets"].BytesRead, ports["offsets"].ReadRequests));
        Assert.Equal((0L, 64L, 1L), (ports["flags"].BytesRead, ports["flags"].BytesWritten, ports["flags"].WriteRequests));
        Assert.Equal((128L, 128L, 1L, 1L), (ports["io"].BytesRead, ports["io"].BytesWritten, ports["io"].ReadRequests, ports["io"].WriteRequests));

        // II: gmem0's one read channel carries one beat of samples (one 16-byte element: the three field reads of
        // samples[i] are one access) and one of offsets per iteration, so II = 2 (4 if each field were a beat).
        // Depth: the m_axi read (latency 64, the beat, one cycle to register it: 66) and the body, whose longest
        // path is Q's int-to-float conversion (6 cycles at 300 MHz) and fmul (4), at least 10. Cycles: (n - 1) x II
        // + depth, then the last write's response: latency 64, its 16-byte beat a third of a cycle at HBM's 48
        // bytes per cycle (a widened port's 64-byte beat adds one cycle there).
        var loop = emulated.Timing.Loops[0];
        Assert.Equal(2, loop.II);
        Assert.InRange(loop.Depth, 66 + 10, 66 + 14);
        Assert.Equal(7 * 2 + loop.Depth + 64, emulated.Report.TotalCycles);
    }

    [Fact]
    public void AnElementIsReadAndWrittenAtMostOnceAnIteration()
    {
        // By hand, n = 12, 4-byte elements. Loop 1 reads element i whole (into local), updates R and G in place
        // (a read and a write), reads it again for Sum, then B of element n - 1 - i and B of element i again: one
        // read and one write of element i and one read of element n - 1 - i an iteration, as the schedule counts
        // them (96 read, 48 written). Loop 2 writes element i whole: 48 written. After the loops, image[1] and
        // image[2] are read and image[0] written: 8 and 4. So 104 bytes read and 100 written.
        var emulated = KernelRuns.Emulate(PortedKernel.Project("StructPortSemantics.cs"), "struct_port_semantics", null, []);
        var image = emulated.Report.Ports.Single(p => p.Name == "image");
        Assert.Equal((104L, 100L), (image.BytesRead, image.BytesWritten));
    }

    [Fact]
    public void RgbToHsvMovesFourBytesAPixelAtOnePixelACycle()
    {
        // 20 pixels of 3 bytes, padded to 4: 80 bytes each way on 32-bit ports (a struct port is not widened), 20
        // beats, so two bursts each (16 beats and 4). One pixel read whole and one written whole per iteration, each
        // port alone on its bundle: II 1, so (20 - 1) x 1 + depth + 64 (the last write's response latency; its
        // 4-byte beat is a twelfth of a cycle at 48 bytes per cycle).
        var emulated = KernelRuns.Emulate(PortedKernel.Project("ImageConvert.cs"), "rgb_to_hsv", null, ["pixels=20"]);
        var ports = emulated.Report.Ports.ToDictionary(p => p.Name);
        Assert.Equal((80L, 2L), (ports["rgb"].BytesRead, ports["rgb"].ReadRequests));
        Assert.Equal((80L, 2L), (ports["hsv"].BytesWritten, ports["hsv"].WriteRequests));
        var loop = emulated.Timing.Loops[0];
        Assert.Equal(1, loop.II);
        Assert.Equal(19 + loop.Depth + 64, emulated.Report.TotalCycles);
    }

    [Fact]
    public void TheEmuDeviceMovesTheElementsAsBytesAndVerifiesThem()
    {
        var (design, arrays, verify) = EmuDeviceRun.Of(StructPorts, "struct_ports", ["n=8"]);
        Assert.Equal(["const Sample*", "const int32_t*", "Flagged*", "Sample*"], KernelXclbin.Describe(design).Kernels[0].Arguments.Select(a => a.Type));
        Assert.IsType<byte[]>(arrays["io"]);
        Assert.Equal([("flags", 64, 0), ("io", 128, 0)], verify.Outputs.OrderBy(o => o.Name).Select(o => (o.Name, o.Elements, o.Mismatches)));
    }
}
