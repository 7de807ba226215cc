using Accel.Codegen.Ir;
using Accel.Hw;

namespace Accel.Codegen.Backends.Hls;

/// <summary>Writes build/hls/&lt;kernel&gt;/&lt;config&gt;/: the kernel C++, the testbench, golden vectors from the C#
/// reference, the support headers, and the vendor files. Same inputs, same bytes.</summary>
public static class HlsProjectWriter
{
    /// <param name="Force">write into a non-empty folder that Accel did not write (its other files are kept)</param>
    /// <param name="Schedule">the text of schedule.rpt for the lowered kernel (the emulator's schedule, which this
    /// layer cannot compute itself); none is written when null</param>
    /// <param name="DumpIr">also write ir.txt, the lowered kernel as text (<see cref="IrText"/>)</param>
    public sealed record Options(Board Board, double ClockMhz, bool Force = false, Func<IrKernel, string>? Schedule = null, bool DumpIr = false);

    /// <param name="stimulus">golden inputs</param>
    /// <param name="reference">every array argument after the C# reference ran on <paramref name="stimulus"/></param>
    public static IReadOnlyList<string> Write(IrKernel kernel, string config, Stimulus stimulus, IReadOnlyDictionary<string, Array> reference, string directory, Options options)
    {
        var files = Render(kernel, config, stimulus.Arrays.ToDictionary(kv => kv.Key, kv => kv.Value.Length), options)
            .ToDictionary(kv => kv.Key, kv => System.Text.Encoding.UTF8.GetBytes(kv.Value));
        foreach (var (name, bytes) in GoldenVectors.Files(kernel, stimulus, reference)) files[name] = bytes;
        if (options.Schedule is { } schedule) files["schedule.rpt"] = System.Text.Encoding.UTF8.GetBytes(schedule(kernel));
        if (options.DumpIr) files["ir.txt"] = System.Text.Encoding.UTF8.GetBytes(IrText.Of(kernel, config));
        return OutputFolder.Write(directory, files, $"accel gen {kernel.Name}, configuration {config}", options.Force);
    }

    /// <summary>The text of every generated file by name; <paramref name="depths"/> is each port's element count.</summary>
    public static SortedDictionary<string, string> Render(IrKernel kernel, string config, IReadOnlyDictionary<string, int> depths, Options options)
    {
        var vendor = HlsViewBuilder.Vendor(kernel, config, options.Board, options.ClockMhz);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{kernel.Name}.h"] = TemplateRenderer.Render("kernel.h.sbn", HlsViewBuilder.Source(kernel, config, depths)),
            [$"{kernel.Name}.cpp"] = TemplateRenderer.Render("kernel.cpp.sbn", HlsViewBuilder.Source(kernel, config, depths)),
            ["tb.cpp"] = TemplateRenderer.Render("tb.cpp.sbn", HlsViewBuilder.Testbench(kernel, config, depths)),
            ["run_hls.tcl"] = TemplateRenderer.Render("run_hls.tcl.sbn", vendor),
            ["Makefile"] = TemplateRenderer.Render("Makefile.sbn", vendor),
        };
        // An IP for the Vivado flow is not linked by v++; a kernel with axis ports runs only beside the kernels that
        // feed and drain them, which a host program cannot stand in for.
        if (!vendor.Vivado) files["link.cfg"] = TemplateRenderer.Render("link.cfg.sbn", vendor);
        if (vendor.HostProgram) files["host.cpp"] = TemplateRenderer.Render("host.cpp.sbn", HlsViewBuilder.Host(kernel, config, depths));
        foreach (var header in TemplateRenderer.ResourceNames("hls-header:"))
            files[header["hls-header:".Length..]] = TemplateRenderer.Resource(header);
        return files;
    }
}
