using Accel.Codegen;
using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Kernels.Catalog;
using Accel.Testbenches;
using Accel.Testbenches.Accuracy;
using CommandLine;
using Spectre.Console;

namespace Accel.Cli.Commands;

[Verb("demo", HelpText = "Generate and C-simulate every built-in kernel at its named configurations, measure the approximations' accuracy; print a summary.")]
public sealed class DemoOptions : VerbOptions;

public static class DemoCommand
{
    private sealed record Row(string Kernel, string Config, int Files, int Matched, int Total, bool BitExact, AccuracyReport? Accuracy, bool AccuracyMet);

    /// <summary>A kernel's named configurations (sized for a quick run), its default as well for the kernels
    /// whose accuracy is measured, and the default alone for kernels that name none.</summary>
    private static IEnumerable<string> DemoConfigs(KernelInfo kernel) =>
        kernel.Configs.Count == 0 || KernelAccuracy.Kernels.Contains(kernel.Name)
            ? [KernelConfig.DefaultName, .. kernel.Configs.Select(c => c.Name)]
            : kernel.Configs.Select(c => c.Name);

    public static int Run(DemoOptions options)
    {
        var project = KernelCatalog.BuiltIn;
        var rows = new List<Row>();
        Cli.Human.Status().Start("running", status =>
        {
            foreach (var kernel in project.Kernels)
                foreach (var configName in DemoConfigs(kernel))
                {
                    status.Status($"{kernel.Name} {configName}: gen + csim");
                    var config = KernelConfig.Resolve(kernel, configName, []);
                    var generated = Transpiler.Generate(project, kernel, config, Transpiler.DefaultDirectory(project, kernel, config), new HlsProjectWriter.Options(Board.Find("u55c"), 300, Force: true));
                    var csim = Csim.Run(generated.Directory, kernel.Name);
                    AccuracyReport? accuracy = null;
                    if (KernelAccuracy.Kernels.Contains(kernel.Name))
                    {
                        status.Status($"{kernel.Name} {configName}: accuracy");
                        accuracy = KernelAccuracy.Measure(project, kernel.Name, config);
                    }
                    rows.Add(new Row(kernel.Name, config.Name, generated.Files.Count, csim.Matched, csim.Total, csim.BitExact, accuracy,
                        accuracy is null || AccuracyTargets.For(kernel.Name).Holds(accuracy)));
                }
        });

        if (options.Json)
            Cli.WriteJson(rows.Select(r => new
            {
                kernel = r.Kernel, config = r.Config, bit_exact = r.BitExact, matched = r.Matched, total = r.Total,
                max_abs_err = r.Accuracy?.MaxAbsErr, mean_abs_err = r.Accuracy?.MeanAbsErr, max_row_sum_err = r.Accuracy?.MaxRowSumErr,
                within_target = r.AccuracyMet,
            }));
        var table = new Table().AddColumns("kernel", "config", "csim", "max abs err", "mean abs err", "max row-sum err", "accuracy target");
        foreach (var r in rows)
            table.AddRow(r.Kernel, r.Config,
                r.BitExact ? $"[green]bit-exact {r.Matched}/{r.Total}[/]" : $"[red]{r.Matched}/{r.Total}[/]",
                r.Accuracy is { } a ? $"{a.MaxAbsErr:E2}" : "-", r.Accuracy is { } m ? $"{m.MeanAbsErr:E2}" : "-",
                r.Accuracy?.MaxRowSumErr is { } s ? $"{s:E2}" : "-",
                r.AccuracyMet ? "[green]met[/]" : "[red]missed[/]");
        Cli.Human.Write(table);
        Console.Error.WriteLine("Generated folders: build/hls/<kernel>/<config>/ (open run_hls.tcl in Vitis HLS).");
        return rows.All(r => r.BitExact && r.AccuracyMet) ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
