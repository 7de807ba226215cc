using Accel.Testbenches;
using CommandLine;
using Spectre.Console;

namespace Accel.Cli.Commands;

[Verb("list", HelpText = "List kernels, their parameters and named configurations.")]
public sealed class ListOptions : VerbOptions
{
    [Option("source", Separator = ',', HelpText = "List the kernels of these C# files instead of the built-in ones.")]
    public IEnumerable<string> Sources { get; set; } = [];
}

public static class ListCommand
{
    public static int Run(ListOptions options)
    {
        var project = KernelCatalog.Load(options.Sources.ToList());
        if (options.Json)
        {
            Cli.WriteJson(new
            {
                kernels = project.Kernels.Select(k => new
                {
                    name = k.Name,
                    source = k.SourceFile,
                    parameters = k.Parameters.Select(p => new { name = p.Name, type = p.ClrType.Name.ToLowerInvariant(), @default = p.Default, min = p.Min, max = p.Max }),
                    configs = k.Configs.Select(c => new { name = c.Name, @params = c.Assignments }),
                }),
            });
            return ExitCodes.Ok;
        }
        var table = new Table().AddColumns("kernel", "parameters (default, range)", "configurations", "source");
        foreach (var k in project.Kernels)
            table.AddRow(k.Name,
                Markup.Escape(string.Join("\n", k.Parameters.Select(p => $"{p.Name} = {p.Default}  [{p.Min}, {p.Max}]"))),
                Markup.Escape(string.Join("\n", k.Configs.Select(c => $"{c.Name}: {c.Assignments}"))),
                Markup.Escape(k.SourceFile));
        Cli.Human.Write(table);
        return ExitCodes.Ok;
    }
}
