using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Runtime.Emulator.Designs;
using Accel.Runtime.Xclbin;
using Accel.Kernels.Catalog;
using Accel.Testbenches;
using CommandLine;

namespace Accel.Cli.Commands;

[Verb("xclbin", HelpText = "`accel xclbin info FILE`: what an xclbin holds, like xclbinutil --info. " +
                           "`accel xclbin write KERNEL`: the kernel's metadata as an xclbin with no bitstream.")]
public sealed class XclbinOptions : VerbOptions, IKernelChoice
{
    [Value(0, MetaName = "action", Required = true, HelpText =
        "info: print the header, sections, clocks, memory banks and kernels (arguments, register offsets, bank connections) of FILE. " +
        "write: pack KERNEL's metadata (arguments in order with register offsets from 0x10 in 8-byte steps, one m_axi port per bundle, " +
        "banks from [MAxi]) into an xclbin with NO bitstream: XRT loads it in noop and emulation modes and the emu device runs it, " +
        "but a card needs the xclbin v++ builds (`make xclbin` in the folder `accel gen` writes).")]
    public string Action { get; set; } = "";

    [Value(1, MetaName = "target", Required = true, HelpText = "info: the xclbin file; write: the kernel name (see `accel list`).")]
    public string Target { get; set; } = "";

    public IEnumerable<string> Sources { get; set; } = [];
    public string? Config { get; set; }
    public IEnumerable<string> Params { get; set; } = [];

    [Option("board", HelpText = "write: u55c (default), u280 or zcu102: the platform and memory banks.")]
    public string? Board { get; set; }

    [Option("clock", HelpText = "write: kernel clock in MHz, 1..300 (default 300).")]
    public int? ClockMhz { get; set; }

    [Option("out", HelpText = "write: output file (default build/xclbin/<kernel>/<config>/<kernel>.<board>.xclbin).")]
    public string? Out { get; set; }

    public override string? Subject => Action == "write" ? $"kernel '{Target}'" : $"xclbin {Target}";
}

public static class XclbinCommand
{
    public static int Run(XclbinOptions options) => options.Action switch
    {
        "info" => Info(options),
        "write" => Write(options),
        _ => throw new UsageException($"xclbin: unknown action '{options.Action}'; expected `accel xclbin info FILE` or `accel xclbin write KERNEL`"),
    };

    private static int Info(XclbinOptions options)
    {
        var given = new[] { ("--source", options.Sources.Any()), ("--config", options.Config is not null), ("--param", options.Params.Any()),
            ("--board", options.Board is not null), ("--clock", options.ClockMhz is not null), ("--out", options.Out is not null) };
        if (given.FirstOrDefault(g => g.Item2) is ({ } option, true))
            throw new UsageException($"xclbin info: {option} applies to `accel xclbin write` only");
        var file = XclbinReader.Read(options.Target);
        if (options.Json)
            Cli.WriteJson(XclbinJson.Of(file));
        else
            Console.Out.Write(XclbinText.Render(file));
        return ExitCodes.Ok;
    }

    private static int Write(XclbinOptions options)
    {
        var board = TargetRules.Board(options.Board ?? "u55c");
        var clockMhz = (int)TargetRules.Clock(options.ClockMhz ?? KernelDesign.MaxClockMhz);
        var (project, kernel, config) = options.Resolve(options.Target);
        var path = options.Out ?? Path.Combine("build", "xclbin", kernel.Name, config.Name, $"{kernel.Name}.{board.Name}.xclbin");
        Output.OutputFiles.RequireWritableFile("--out", path);   // before the kernel is lowered
        var design = new KernelDesign(project, kernel, config, board, clockMhz);
        Output.OutputFiles.WriteAtomically("--out", path, stream => stream.Write(KernelXclbin.Bytes(design)));
        var written = XclbinReader.Read(path);   // read back: what is reported is what the file holds
        if (options.Json)
            Cli.WriteJson(new
            {
                kernel = kernel.Name, config = config.Name, board = board.Name, file = path,
                uuid = written.Design.Uuid, size_bytes = written.Header.Length, bitstream = false,
            });
        else
            Console.Error.WriteLine($"accel xclbin: wrote {path} ({written.Header.Length} bytes, design {written.Design.Uuid}; metadata only, no bitstream)");
        return ExitCodes.Ok;
    }
}
