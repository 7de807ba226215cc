using Accel.Testbenches.Accuracy;
using CommandLine;
using Spectre.Console;

namespace Accel.Cli.Commands;

[Verb("accuracy", HelpText = "Measure a kernel's max and mean absolute error against a float64 reference.")]
public sealed class AccuracyOptions : SeededKernelOptions;

public static class AccuracyCommand
{
    public static int Run(AccuracyOptions options)
    {
        var (project, kernel, config) = options.Resolve();
        var report = KernelAccuracy.Measure(project, kernel.Name, config, options.Seed);
        var target = AccuracyTargets.For(kernel.Name);
        bool within = target.Holds(report);
        if (options.Json)
        {
            var json = new Dictionary<string, object>
            {
                ["kernel"] = report.Kernel, ["config"] = report.Config, ["max_abs_err"] = report.MaxAbsErr,
                ["mean_abs_err"] = report.MeanAbsErr, ["points"] = report.Points, ["input_range"] = report.InputRange,
                ["within_target"] = within,
            };
            if (report.MaxRowSumErr is { } rowSum) json["max_row_sum_err"] = rowSum;
            Cli.WriteJson(json);
        }
        else
        {
            var table = new Table().AddColumns("kernel", "config", "max abs err", "mean abs err", "points", "max row-sum err", "target", "inputs");
            table.AddRow(report.Kernel, report.Config, $"{report.MaxAbsErr:E3}", $"{report.MeanAbsErr:E3}", $"{report.Points}",
                report.MaxRowSumErr is { } r ? $"{r:E3}" : "-", Markup.Escape(target.Description) + (within ? " [green]met[/]" : " [red]missed[/]"), Markup.Escape(report.InputRange));
            Cli.Human.Write(table);
        }
        return within ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
