using Accel.Resources;
using Accel.Testbenches.Rtl;
using CommandLine;

namespace Accel.Cli.Commands;

[Verb("rtl-synth", HelpText = "Generate the RTL, synthesise it with Yosys synth_xilinx (UltraScale+), and show LUT, FF, DSP and BRAM beside `accel estimate` with the estimate's error.")]
public sealed class RtlSynthOptions : RtlOptions;

public static class RtlSynthCommand
{
    /// <param name="Estimate">the estimator's figure for the kernel's datapath and memories: without its m_axi
    /// interface cost, since the RTL's ports are the simple request/response ports of the testbench, not AXI adapters</param>
    /// <param name="EstimateWithInterface">the estimator's total, as `accel estimate` prints it</param>
    public sealed record Row(string Resource, long Yosys, long Estimate, long EstimateWithInterface)
    {
        /// <summary>(estimate - yosys) / yosys in percent; null where Yosys used none.</summary>
        public double? ErrorPercent => Yosys == 0 ? null : Math.Round(100.0 * (Estimate - Yosys) / Yosys, 1);
    }

    public static int Run(RtlSynthOptions options)
    {
        var generated = options.Generate();
        var synth = RtlSynth.Run(generated.Directory);
        var estimate = ResourceEstimator.Estimate(generated.Ir);
        var rows = Compare(synth, estimate);
        if (options.Json)
            Cli.WriteJson(new
            {
                kernel = generated.Ir.Name, config = Path.GetFileName(generated.Directory), directory = generated.Directory,
                yosys = rows.ToDictionary(r => r.Resource, r => r.Yosys),
                estimate = rows.ToDictionary(r => r.Resource, r => r.Estimate),
                estimateWithInterface = rows.ToDictionary(r => r.Resource, r => r.EstimateWithInterface),
                errorPercent = rows.ToDictionary(r => r.Resource, r => r.ErrorPercent),
                cells = synth.Cells,
            });
        Print(rows);
        return ExitCodes.Ok;
    }

    public static void Print(IReadOnlyList<Row> rows)
    {
        Console.Error.WriteLine($"{"resource",-9} {"yosys",9} {"estimate",9} {"error",8} {"estimate with m_axi",19}");
        foreach (var r in rows)
            Console.Error.WriteLine($"{r.Resource,-9} {r.Yosys,9} {r.Estimate,9} {(r.ErrorPercent is { } e ? $"{e:+0.0;-0.0;0}%" : "-"),8} {r.EstimateWithInterface,19}");
    }

    public static IReadOnlyList<Row> Compare(RtlSynth.Result synth, ResourceEstimate estimate)
    {
        var datapath = ResourceVector.Sum(estimate.ByCategory.Where(c => c.Key != CostCategory.Interface).Select(c => c.Value));
        return
        [
            new("LUT", synth.Lut, datapath[Resource.Lut], estimate[Resource.Lut]),
            new("FF", synth.Ff, datapath[Resource.Ff], estimate[Resource.Ff]),
            new("DSP", synth.Dsp, datapath[Resource.Dsp], estimate[Resource.Dsp]),
            new("BRAM_18K", synth.Bram18K, datapath[Resource.Bram18K], estimate[Resource.Bram18K]),
        ];
    }
}
