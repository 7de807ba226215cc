using Accel.Cli;
using Accel.Cli.Commands;
using CommandLine;

// The `accel` command line: one verb per job, --help on each, --json on stdout, tables on stderr.
// Exit codes: 0 success, 1 a failed check (mismatch, bound exceeded), 2 bad usage or bad input.
var parser = new Parser(settings =>
{
    settings.HelpWriter = Console.Error;
    settings.CaseInsensitiveEnumValues = true;
    settings.AllowMultiInstance = true; // --param a=1 --param b=2, as users expect
});
var result = parser.ParseArguments<ListOptions, GenOptions, CsimOptions, AccuracyOptions, EmulateOptions, BenchOptions, OmapOptions, DemoOptions, RunOptions, XclbinOptions, EstimateOptions, DseOptions, RtlGenOptions, RtlSimOptions, RtlSynthOptions>(args);
return result.MapResult(
    (ListOptions o) => Cli.Run(() => ListCommand.Run(o)),
    (GenOptions o) => Cli.Run(() => GenCommand.Run(o)),
    (CsimOptions o) => Cli.Run(() => CsimCommand.Run(o)),
    (AccuracyOptions o) => Cli.Run(() => AccuracyCommand.Run(o)),
    (EmulateOptions o) => Cli.Run(() => EmulateCommand.Run(o)),
    (BenchOptions o) => Cli.Run(() => BenchCommand.Run(o)),
    (OmapOptions o) => Cli.Run(() => OmapCommand.Run(o)),
    (DemoOptions o) => Cli.Run(() => DemoCommand.Run(o)),
    (RunOptions o) => Cli.Run(() => RunCommand.Run(o)),
    (XclbinOptions o) => Cli.Run(() => XclbinCommand.Run(o)),
    (EstimateOptions o) => Cli.Run(() => EstimateCommand.Run(o)),
    (DseOptions o) => Cli.Run(() => DseCommand.Run(o)),
    (RtlGenOptions o) => Cli.Run(() => RtlCommand.Run(o)),
    (RtlSimOptions o) => Cli.Run(() => RtlSimCommand.Run(o)),
    (RtlSynthOptions o) => Cli.Run(() => RtlSynthCommand.Run(o)),
    errors => errors.All(e => e.Tag is ErrorType.HelpRequestedError or ErrorType.HelpVerbRequestedError or ErrorType.VersionRequestedError) ? ExitCodes.Ok : ExitCodes.BadInput);
