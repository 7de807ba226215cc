using Accel.Resources;
using Accel.Testbenches.Rtl;
using CommandLine;

namespace Accel.Cli.Commands;

[Verb("rtl-synth", HelpText = "Generate the RTL, synthesise it with Yosys synth_xilinx (UltraScale+), and show LUT, FF, DSP and BRAM beside `accel estimate` with the estimate's error.")]
public sealed class RtlSynthOptions : RtlOptions;

public static class RtlSynthCommand
{
    public sealed record Row(string Resource, long Yosys, long Estimate)
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
                errorPercent = rows.ToDictionary(r => r.Resource, r => r.ErrorPercent),
                cells = synth.Cells,
            });
        Console.Error.WriteLine($"{"resource",-9} {"yosys",9} {"estimate",9} {"error",8}");
        foreach (var r in rows)
            Console.Error.WriteLine($"{r.Resource,-9} {r.Yosys,9} {r.Estimate,9} {(r.ErrorPercent is { } e ? $"{e:+0.0;-0.0;0}%" : "-"),8}");
        return ExitCodes.Ok;
    }

    public static IReadOnlyList<Row> Compare(RtlSynth.Result synth, ResourceEstimate estimate) =>
    [
        new("LUT", synth.Lut, estimate[Resource.Lut]),
        new("FF", synth.Ff, estimate[Resource.Ff]),
        new("DSP", synth.Dsp, estimate[Resource.Dsp]),
        new("BRAM_18K", synth.Bram18K, estimate[Resource.Bram18K]),
    ];
}
