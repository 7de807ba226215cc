using System.Reflection;
using Accel.Codegen;
using Accel.Codegen.Frontend;
using Accel.Codegen.Ir;
using Accel.Hw;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Accel.Emulation.Kernels;

/// <summary>Emulates a kernel from its one C# source. The pipeline, in order: lower to the IR, derive the static
/// timing, rewrite the source with hooks and compile it in memory, run it on the stimulus (values come from
/// the kernel's own code), build the design from the IR and what the run touched, time the traces.</summary>
public static class KernelEmulator
{
    public sealed record Options(double ClockMhz = 300, string Board = "u55c", ActivityLog? Activity = null);

    public sealed record Result(IrKernel Ir, DesignSpec Design, TimingReport Report, IReadOnlyDictionary<string, Array> Outputs, KernelTiming Timing, long TraceOps);

    public static Result Run(KernelProject project, KernelInfo kernel, KernelConfig config, Stimulus stimulus, Options options)
    {
        if (!MemoryMapping.Boards.Contains(options.Board))
            throw new KernelParameterException($"unknown board '{options.Board}'; boards: {string.Join(", ", MemoryMapping.Boards)}");
        var ir = Transpiler.Lower(project, kernel, config);
        var timing = StaticTiming.Of(ir, options.ClockMhz);
        var hooked = kernel with { RuntimeType = HookedType(project, kernel, ir, timing) };
        var activator = new KernelActivator(hooked, config);

        var ports = ir.Top.Parameters.Where(p => p.Port is not null).ToList();
        TraceSession? session = null;
        IReadOnlyDictionary<string, Array> outputs;
        try
        {
            outputs = activator.Run(stimulus, arrays =>
            {
                session = new TraceSession(timing, ports.Select(p => arrays[p.Name]).ToList(), ir.Name);
                TraceHooks.Session = session;
                StreamObserver.Current = session;
            });
        }
        finally
        {
            TraceHooks.Session = null;
            StreamObserver.Current = null;
        }
        var traces = session!.Finish();
        var design = BuildDesign(ir, session, ports, options);
        var report = TimingEngine.Run(design, traces, options.Activity);
        return new Result(ir, design, report, outputs, timing, traces.Sum(t => (long)t.Count));
    }

    private static DesignSpec BuildDesign(IrKernel ir, TraceSession session, IReadOnlyList<Variable> ports, Options options)
    {
        var builder = new DesignBuilder(options.ClockMhz);
        foreach (var name in session.ProcessNames) builder.AddProcess(name);
        var streams = StreamNames(ir);
        for (int i = 0; i < session.Fifos.Count; i++)
        {
            var (depth, producer, consumer) = session.Fifos[i];
            builder.AddFifo(i < streams.Count ? streams[i] : $"fifo{i}", depth, Math.Max(producer, 0), Math.Max(consumer, 0));
        }
        var channels = new Dictionary<string, int>();
        for (int i = 0; i < ports.Count; i++)
        {
            var binding = ports[i].Port!;
            var channel = MemoryMapping.ChannelFor(binding.Bank, options.Board);
            if (!channels.TryGetValue(channel.Name, out int index)) channels[channel.Name] = index = builder.AddChannel(channel);
            builder.AddPort(ports[i].Name, Math.Max(session.PortOwners[i], 0), index, binding.WidthBits, binding.MaxBurst, binding.MaxOutstanding, binding.LatencyCycles);
        }
        return builder.Build();
    }

    /// <summary>Stream variables of the top function in declaration order: the order the run creates them.</summary>
    private static List<string> StreamNames(IrKernel ir) =>
        ir.Top.Body.Statements.OfType<LocalDeclStmt>().Where(d => d.Variable.Type is StreamType).Select(d => d.Variable.Name).ToList();

    private static Type HookedType(KernelProject project, KernelInfo kernel, IrKernel ir, KernelTiming timing)
    {
        var compilation = project.Compilation;
        var trees = compilation.SyntaxTrees.Select(t => KernelRewriter.Rewrite(t, compilation.GetSemanticModel(t), ir, timing)).ToList();
        var hooked = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees)
            .WithAssemblyName("Hooked_" + Guid.NewGuid().ToString("N"))
            .AddReferences(MetadataReference.CreateFromFile(typeof(TraceHooks).Assembly.Location));
        using var image = new MemoryStream();
        var emitted = hooked.Emit(image);
        if (!emitted.Success)
            throw new InternalCompilerException("the emulator's hooked copy of the kernel does not compile: " +
                string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        var assembly = Assembly.Load(image.ToArray());
        return assembly.GetType(kernel.RuntimeType.FullName!) ?? throw new InternalCompilerException($"hooked copy has no {kernel.RuntimeType.FullName}");
    }
}
