using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Runtime.Devices;
using Accel.Runtime.Emulator;
using Accel.Runtime.Emulator.Designs;
using Accel.Runtime.Emulator.Hosting;
using CommandLine;
using Spectre.Console;
using Accel.Codegen.Reference;

namespace Accel.Cli.Commands;

[Verb("run", HelpText = "Run a kernel through the host runtime on a device (the emulator, or an XRT device with --xclbin) " +
                        "with its generated inputs ([Stimulus]); prints each output's length, min, max and checksum, and cycles on the emulator.")]
public sealed class RunOptions : TargetOptions
{
    [Option("device", Default = "emu", HelpText = "emu (the cycle-level emulator) or xrt:N (XRT device N; needs --xclbin).")]
    public string Device { get; set; } = "emu";

    [Option("xclbin", HelpText = "Design to load. Required for xrt:N; on emu, optional (an xclbin Accel wrote; default: the kernel design itself).")]
    public string? Xclbin { get; set; }

    [Option("verify", HelpText = "Also run the C# reference on the same inputs and compare every output word (exit 1 on a mismatch).")]
    public bool Verify { get; set; }
}

public static class RunCommand
{
    public static int Run(RunOptions options)
    {
        EmulatorBackend.Register();
        if (!Device.Schemes.Contains(options.Device.Split(':')[0]))
            throw new UsageException($"--device {options.Device}: no such device; expected emu (the emulator) or xrt:N (XRT device N); " +
                $"backends: {string.Join(", ", Device.Schemes)}");
        var (project, kernel, config) = options.Resolve();
        if (options.ClockMhz != Math.Floor(options.ClockMhz))
            throw new UsageException($"--clock {options.ClockMhz}: a device clock is a whole number of MHz");
        var design = new KernelDesign(project, kernel, config, options.TargetBoard, (int)options.ClockMhz);
        var stimulus = new KernelActivator(kernel, config).MakeStimulus(options.Seed);

        var onEmulator = options.Device.Split(':')[0] == EmulatorDevice.Scheme;
        if (!onEmulator && options.Xclbin is null)
            throw new UsageException(
                $"--device {options.Device} needs --xclbin FILE: the design to load. For a card, build it with `accel gen {kernel.Name}` and " +
                "`make xclbin` in the generated folder (Vitis); for XRT's noop and emulation modes, `accel xclbin write " +
                $"{kernel.Name}` writes a metadata-only one (no bitstream)");

        using var device = Device.Open(options.Device);
        Load(device, design, options.Xclbin);
        using var handle = device.OpenKernel(kernel.Name);
        var result = EmulateCommand.WithProgress($"running {kernel.Name} ({config.Name}) on {device.Name}",
            () => StimulusHost.Run(handle, stimulus, TimeSpan.FromSeconds(options.TimeoutSeconds)));

        var outputs = design.Outputs
            .Select(p => OutputSummary.Of(p.Name, result.Arrays[p.Name])).ToList();
        var verify = options.Verify ? ReferenceCheck.Compare(design, stimulus, result.Arrays) : null;
        if (options.Json)
            Cli.WriteJson(new
            {
                kernel = kernel.Name, config = config.Name, device = device.Name,
                outputs = outputs.Select(o => new { name = o.Name, elements = o.Elements, min = o.Min, max = o.Max, checksum = o.Checksum }),
                verified = verify?.Matches,
                cycles = result.Cycles?.TotalCycles,
                time_ms = result.Cycles?.TimeMs,
            });
        else
            Cli.Human.Write(Table(kernel.Name, config.Name, device.Name, outputs, result));
        if (verify is not null)
            ReportVerify(verify);
        return verify is { Matches: false } ? ExitCodes.CheckFailed : ExitCodes.Ok;
    }

    /// <summary>The emulator takes the kernel design itself unless an xclbin is named; other devices load the xclbin.</summary>
    private static void Load(IDevice device, KernelDesign design, string? xclbin)
    {
        if (device is EmulatorDevice emulator)
        {
            if (xclbin is null)
                emulator.Load(design);
            else
                emulator.Load(xclbin, design.Project);
        }
        else
            device.Load(xclbin!);   // checked before the device was opened
        RequireSameConfiguration(device, design);
    }

    /// <summary>The generated inputs fit the configuration on the command line; an xclbin Accel wrote for another one would not.</summary>
    private static void RequireSameConfiguration(IDevice device, KernelDesign design)
    {
        if (device.Design is not { } loaded || DesignName.TryParse(loaded.Name) is not { } name)
            return;   // a design v++ built names no configuration; the kernel's arguments are still checked by name
        var values = name.Values.ToDictionary(kv => kv.Key, kv => kv.Value);
        var differing = design.Config.Values.Where(kv => !values.TryGetValue(kv.Key, out var v) || v != kv.Value).Select(kv => kv.Key).ToList();
        if (name.Kernel != design.Kernel.Name || differing.Count > 0)
            throw new UsageException(
                $"the loaded xclbin is for kernel '{name.Kernel}' configuration '{name.Config}' ({string.Join(",", name.Assignments)}), " +
                $"not '{design.Kernel.Name}' configuration '{design.Config.Name}'; pass the matching --config/--param");
    }

    private static void ReportVerify(VerifyReport verify)
    {
        foreach (var output in verify.Outputs)
            foreach (var m in output.FirstMismatches)
                Console.Error.WriteLine($"mismatch {output.Name}[{m.Index}]: expected {m.Expected}, actual {m.Actual}");
        Console.Error.WriteLine($"verify: {verify.Matched} of {verify.Total} output words match the C# reference");
    }

    private static Rows Table(string kernel, string config, string device, IReadOnlyList<OutputSummary> outputs, HostRunResult result)
    {
        var summary = new Table().AddColumns("kernel", "config", "device", "cycles", "time ms");
        summary.AddRow(kernel, config, device,
            result.Cycles is { } c ? $"{c.TotalCycles:N0}" : "-", result.Cycles is { } t ? $"{t.TimeMs:F4}" : "-");
        var table = new Table().AddColumns("output", "elements", "min", "max", "checksum");
        foreach (var o in outputs)
            table.AddRow(o.Name, $"{o.Elements:N0}", o.Min, o.Max, o.Checksum);
        return new Rows(summary, table);
    }
}
