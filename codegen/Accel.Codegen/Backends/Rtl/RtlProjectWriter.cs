using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Ir;
using Accel.Hw;

namespace Accel.Codegen.Backends.Rtl;

/// <summary>Writes build/rtl/&lt;kernel&gt;/&lt;config&gt;/: the Verilog of the kernel, its Verilator testbench with the
/// memory model, the Yosys script, and golden vectors from the C# reference. Same inputs, same bytes.</summary>
public static class RtlProjectWriter
{
    /// <param name="Family">the synth_xilinx family: xcup (UltraScale+, the U55C, U280 and ZCU102 parts)</param>
    /// <param name="Force">write into a non-empty folder Accel did not write (a user's --out needs --force, as for gen)</param>
    /// <param name="CycleLimit">the testbench gives up (exit 3) after this many cycles</param>
    public sealed record Options(IRtlSchedule Schedule, IReadOnlyList<RtlPortTiming> Ports, bool Force, string Family = "xcup", long CycleLimit = 20_000_000);

    /// <param name="reference">runs the C# reference on <paramref name="stimulus"/>: called only once the RTL printed,
    /// so a kernel outside the RTL subset is reported before it runs or anything is written</param>
    public static IReadOnlyList<string> Write(IrKernel kernel, string config, Stimulus stimulus, Func<IReadOnlyDictionary<string, Array>> reference, string directory, Options options)
    {
        var files = Render(kernel, config, stimulus.Arrays.ToDictionary(kv => kv.Key, kv => kv.Value.Length), options)
            .ToDictionary(kv => kv.Key, kv => System.Text.Encoding.UTF8.GetBytes(kv.Value));
        foreach (var (name, bytes) in GoldenVectors.Files(kernel, stimulus, reference())) files[name] = bytes;
        return OutputFolder.Write(directory, files, $"accel rtl {kernel.Name}, configuration {config}", options.Force);
    }

    /// <summary>The text of every generated file by name; throws KernelDiagnosticsException (ACCEL0040) for a
    /// kernel outside the RTL subset, before anything is written.</summary>
    public static SortedDictionary<string, string> Render(IrKernel kernel, string config, IReadOnlyDictionary<string, int> depths, Options options)
    {
        var (module, ports) = RtlViewBuilder.Module(kernel, config, options.Schedule, options.Ports, depths);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{kernel.Name}.v"] = TemplateRenderer.Render("kernel.v.sbn", module, "rtl-template"),
            ["tb.cpp"] = TemplateRenderer.Render("tb.cpp.sbn", RtlViewBuilder.Testbench(kernel, config, ports, options.CycleLimit), "rtl-template"),
            ["synth.ys"] = TemplateRenderer.Render("synth.ys.sbn", new RtlSynthView(RtlViewBuilder.Banner(kernel, config, "#"), kernel.Name, options.Family), "rtl-template"),
            ["accel_memory_model.h"] = TemplateRenderer.Resource("rtl-support:accel_memory_model.h"),
        };
    }

    public static string DefaultDirectory(string kernel, string config) => Path.Combine("build", "rtl", kernel, config);
}
