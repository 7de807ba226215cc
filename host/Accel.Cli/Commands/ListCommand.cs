using Accel.Kernels.Catalog;
using Accel.Testbenches;
using CommandLine;
using Spectre.Console;

namespace Accel.Cli.Commands;

[Verb("list", HelpText = "List kernels, their parameters and named configurations.")]
public sealed class ListOptions : VerbOptions
{
    [Option("source", Separator = ',', HelpText = "List the kernels of these C# files instead of the built-in ones.")]
    public IEnumerable<string> Sources { get; set; } = [];

    [Option("board", Default = "u55c", HelpText = "With --source: the board whose memory banks the ports are checked against (u55c, u280 or zcu102).")]
    public string Board { get; set; } = "u55c";
}

public static class ListCommand
{
    public static int Run(ListOptions options)
    {
        var project = KernelCatalog.Load(options.Sources.ToList());
        if (options.Sources.Any()) CheckAsGenWould(project, Codegen.Backends.Hls.Board.Find(options.Board));
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

    /// <summary>A user's files are listed only when `gen` would accept every kernel in them at its default
    /// configuration: the same lowering, bank and reference-run checks, every problem of every kernel reported.</summary>
    private static void CheckAsGenWould(Codegen.Frontend.KernelProject project, Codegen.Backends.Hls.Board board)
    {
        var problems = new List<Codegen.Diagnostic>();
        foreach (var kernel in project.Kernels)
        {
            try
            {
                Codegen.Transpiler.Check(project, kernel, Codegen.Frontend.KernelConfig.Resolve(kernel, null, []), board);
            }
            catch (Codegen.KernelDiagnosticsException e)
            {
                problems.AddRange(e.Diagnostics);
            }
        }
        if (problems.Count > 0) throw new Codegen.KernelDiagnosticsException(problems);
    }
}
