using Accel.Resources;
using CommandLine;

namespace Accel.Cli.Commands;

[Verb("estimate", HelpText = "Estimate DSP, BRAM_18K, URAM, LUT and FF from the kernel's IR (an estimate, not synthesis), check that it fits a part, and show a Vitis csynth.xml beside it.")]
public sealed class EstimateOptions : KernelOptions
{
    [Option("part", Default = "u55c", HelpText = "Part to fit: zcu102 (xczu9eg), u55c or u280.")]
    public string Part { get; set; } = "u55c";

    [Option("report", HelpText = "A Vitis HLS csynth.xml whose figures are shown beside the estimate.")]
    public string? Report { get; set; }

    [Option("rtl", HelpText = "Show the Yosys figures of the last `accel rtl-synth` of this kernel and configuration (build/rtl/<kernel>/<config>, u55c at 300 MHz) " +
        "beside the estimate, with the estimate's error; refused when that synthesis read other Verilog than `accel rtl` prints now.")]
    public bool Rtl { get; set; }
}

public static class EstimateCommand
{
    public static int Run(EstimateOptions options)
    {
        var (project, kernel, config) = options.Resolve();
        var part = TargetRules.Part(options.Part);
        var csynth = options.Report is null ? null : ReadReport(options.Report);
        var estimate = ResourceEstimator.Estimate(Codegen.Transpiler.Lower(project, kernel, config));
        var overflows = Parts.Fit(estimate, part);
        var rtl = options.Rtl ? RtlSynthCommand.Compare(PreviousSynthesis(project, kernel, config), estimate) : null;
        if (options.Json)
            Cli.WriteJson(new
            {
                kernel = kernel.Name, config = config.Name, part = part.Name,
                estimate = ResourceKeys.All.ToDictionary(r => r.Key(), r => estimate.Total[r]),
                capacity = ResourceKeys.All.ToDictionary(r => r.Key(), r => part.Capacity[r]),
                fits = overflows.Count == 0,
                overflows = overflows.Select(o => o.Message),
                csynth = csynth is null ? null : new
                {
                    csynth.BestLatency, csynth.WorstLatency, csynth.IntervalMin, csynth.IntervalMax,
                    resources = ResourceKeys.All.ToDictionary(r => r.Key(), r => csynth.Resources[r]),
                },
                notes = estimate.Notes,
                rtl = rtl?.ToDictionary(r => r.Resource, r => new { yosys = r.Yosys, estimate = r.Estimate, errorPercent = r.ErrorPercent }),
            });
        else
        {
            Console.Error.Write(EstimateTable.Render(estimate, csynth, part));
            foreach (var overflow in overflows) Console.Error.WriteLine(overflow.Message);
            if (rtl is not null)
            {
                Console.Error.WriteLine("Yosys synth_xilinx of the RTL (accel rtl-synth), against the estimate without its m_axi interface:");
                RtlSynthCommand.Print(rtl);
            }
        }
        return overflows.Count == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }

    /// <summary>The figures `accel rtl-synth` left in the default RTL folder, if they are of the Verilog printed now.</summary>
    private static Testbenches.Rtl.RtlSynth.Result PreviousSynthesis(Codegen.Frontend.KernelProject project, Codegen.Frontend.KernelInfo kernel, Codegen.Frontend.KernelConfig config)
    {
        var directory = Codegen.Backends.Rtl.RtlProjectWriter.DefaultDirectory(kernel.Name, config.Name);
        var verilog = Testbenches.Rtl.RtlGeneration.Verilog(project, kernel, config);
        return Testbenches.Rtl.RtlSynth.Previous(directory, verilog)
            ?? throw new UsageException($"--rtl: no synthesis of the current RTL in {directory}; run `accel rtl-synth {kernel.Name} --config {config.Name}` first (Yosys takes minutes)");
    }

    private static CsynthReport ReadReport(string path)
    {
        try { return CsynthReport.Read(path); }
        catch (CsynthReportException e) { throw new UsageException($"--report: {e.Message}"); }
    }
}
