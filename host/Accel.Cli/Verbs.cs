using System.Reflection;
using Accel.Cli.Commands;
using Accel.Cli.Limits;
using CommandLine;

namespace Accel.Cli;

/// <summary>The verb table, written once: each verb's options type and the command that runs it.</summary>
public static class Verbs
{
    private sealed record Entry(Type Options, Func<VerbOptions, int> Run);

    private static Entry Verb<T>(Func<T, int> run) where T : VerbOptions => new(typeof(T), o => run((T)o));

    private static readonly IReadOnlyList<Entry> All =
    [
        Verb<ListOptions>(ListCommand.Run),
        Verb<GenOptions>(GenCommand.Run),
        Verb<CsimOptions>(CsimCommand.Run),
        Verb<AccuracyOptions>(AccuracyCommand.Run),
        Verb<EmulateOptions>(EmulateCommand.Run),
        Verb<BenchOptions>(BenchCommand.Run),
        Verb<OmapOptions>(OmapCommand.Run),
        Verb<DemoOptions>(DemoCommand.Run),
        Verb<RunOptions>(RunCommand.Run),
        Verb<XclbinOptions>(XclbinCommand.Run),
        Verb<EstimateOptions>(EstimateCommand.Run),
        Verb<DseOptions>(DseCommand.Run),
        Verb<RtlGenOptions>(RtlCommand.Run),
        Verb<RtlSimOptions>(RtlSimCommand.Run),
        Verb<RtlSynthOptions>(RtlSynthCommand.Run),
    ];

    public static Type[] OptionTypes => All.Select(v => v.Options).ToArray();

    public static string NameOf(Type options) => options.GetCustomAttribute<VerbAttribute>()!.Name;

    /// <summary>Parses the command line and runs the verb; every error it raises is mapped by <see cref="ErrorMap"/>.</summary>
    public static int Dispatch(string[] args)
    {
        using var parser = new Parser(settings =>
        {
            settings.HelpWriter = Console.Error;
            settings.CaseInsensitiveEnumValues = true;
            settings.AllowMultiInstance = true; // --param a=1 --param b=2, as users expect
        });
        if (args.Length > 0 && args.Skip(1).All(a => a is not ("--help" or "--version")))
        {
            var refused = Cli.Run(args[0], verbose: false, () => { ArgumentChecks.Check(args, OptionTypes); return ExitCodes.Ok; });
            if (refused != ExitCodes.Ok) return refused;
        }
        return parser.ParseArguments(args, OptionTypes).MapResult(
            (VerbOptions o) => Cli.Run(NameOf(o.GetType()), o.Verbose,
                () => Watchdog.Run(o.Budget, o.Subject, () => All.Single(v => v.Options == o.GetType()).Run(o))),
            errors => errors.All(e => e.Tag is ErrorType.HelpRequestedError or ErrorType.HelpVerbRequestedError or ErrorType.VersionRequestedError)
                ? ExitCodes.Ok : ExitCodes.BadInput);
    }
}
