using Accel.Testbenches;
using CommandLine;

namespace Accel.Cli.Commands;

[Verb("csim", HelpText = "Generate, compile with g++, run on the golden vectors and compare every output word.")]
public sealed class CsimOptions : GenerationOptions
{
    [Option("sanitize", HelpText = "Compile with -fsanitize=undefined,address.")]
    public bool Sanitize { get; set; }
}

public static class CsimCommand
{
    public static int Run(CsimOptions options)
    {
        var generated = GenCommand.Generate(options);
        var result = Csim.Run(generated.Directory, generated.Ir.Name, options.Sanitize);
        if (options.Json)
            Cli.WriteJson(new { kernel = generated.Ir.Name, config = Path.GetFileName(generated.Directory), directory = generated.Directory, compiled = result.Compiled, bit_exact = result.BitExact, matched = result.Matched, total = result.Total });
        if (!result.BitExact) Console.Error.Write(result.Output); // the compiler's errors or the first mismatches
        if (!result.Compiled) return ExitCodes.CheckFailed;
        if (!options.Json) Console.Out.WriteLine($"bit-exact: {result.Matched} of {result.Total} outputs match");
        return result.BitExact ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
