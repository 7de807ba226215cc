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
            });
        else
        {
            Console.Error.Write(EstimateTable.Render(estimate, csynth, part));
            foreach (var overflow in overflows) Console.Error.WriteLine(overflow.Message);
        }
        return overflows.Count == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }

    private static CsynthReport ReadReport(string path)
    {
        try { return CsynthReport.Read(path); }
        catch (CsynthReportException e) { throw new UsageException($"--report: {e.Message}"); }
    }
}
