using System.Reflection;
using Accel.Codegen;
using Accel.Codegen.Frontend;
using Accel.Codegen.Ir;
using Accel.Codegen.Ir.Analysis;
using Accel.Hw;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Accel.Codegen.Reference;

namespace Accel.Emulation.Kernels;

/// <summary>Emulates a kernel from its one C# source. The pipeline, in order: lower to the IR, derive the static
/// timing, rewrite the source with hooks and compile it in memory, run it on the stimulus (values come from
/// the kernel's own code), build the design from the IR and what the run touched, time the traces.</summary>
public static class KernelEmulator
{
    public sealed record Options(double ClockMhz = 300, string Board = "u55c", ActivityLog? Activity = null);

    /// <param name="PhaseSeconds">wall time of each phase: lower, compile (the hooked copy; cached per kernel
    /// and configuration within a process), run (the C# with hooks), timing (the engine)</param>
    public sealed record Result(IrKernel Ir, DesignSpec Design, TimingReport Report, IReadOnlyDictionary<string, Array> Outputs, KernelTiming Timing, long TraceOps, IReadOnlyDictionary<string, double> PhaseSeconds);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KernelProject, Dictionary<string, Type>> HookedTypes = new();

    public static Result Run(KernelProject project, KernelInfo kernel, KernelConfig config, Stimulus stimulus, Options options)
    {
        if (!MemoryMapping.Boards.Contains(options.Board))
            throw new KernelParameterException($"unknown board '{options.Board}'; boards: {string.Join(", ", MemoryMapping.Boards)}");
        var phases = new Dictionary<string, double>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var ir = Transpiler.Lower(project, kernel, config);
        Accel.Codegen.Backends.Hls.PortBanks.Check(ir, Accel.Codegen.Backends.Hls.Board.Find(options.Board));
        Accel.Codegen.Passes.PortShapes.Check(ir, stimulus);
        var timing = StaticTiming.Of(ir, options.ClockMhz);
        phases["lower"] = Lap(watch);
        var hooked = kernel with { RuntimeType = CachedHookedType(project, kernel, config, ir, timing) };
        phases["compile"] = Lap(watch);
        var activator = new KernelActivator(hooked, config);

        var ports = ir.Top.Parameters.Where(p => p.Port is not null).ToList();
        var axis = TopInterfaces.AxisStreams(ir).Select(p => p.Name).ToList();
        var pingPongs = PingPongBuffer.Of(ir);
        TraceSession? session = null;
        IReadOnlyDictionary<string, Array> outputs;
        try
        {
            outputs = activator.Run(stimulus, arrays =>
            {
                session = new TraceSession(timing, ports.Select(p => (Array)arrays[p.Name]).ToList(), ir.Name, pingPongs, axis.Select(name => arrays[name]).ToList());
                TraceHooks.Session = session;
                StreamObserver.Current = session;
            });
        }
        finally
        {
            TraceHooks.Session = null;
            StreamObserver.Current = null;
        }
        // A port of structs comes back as the hooked copy's struct: give it the type the stimulus (and the reference) uses.
        outputs = outputs.ToDictionary(o => o.Key, o => stimulus.Arrays.TryGetValue(o.Key, out var given) ? StructBytes.Retype(o.Value, given.GetType().GetElementType()!) : o.Value);
        var traces = session!.Finish(axis);
        phases["run"] = Lap(watch);
        var design = BuildDesign(ir, session, ports, options);
        TimingReport report;
        using (RunActivity.Enter(kernel.Name, $"the timing engine ({traces.Sum(t => (long)t.Count):N0} trace operations)", RunActivity.Loops.NotKernelCode))
            report = TimingEngine.Run(design, traces, options.Activity);
        phases["timing"] = Lap(watch);
        return new Result(ir, design, report, outputs, timing, traces.Sum(t => (long)t.Count), phases);
    }

    private static double Lap(System.Diagnostics.Stopwatch watch)
    {
        double seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        return seconds;
    }

    /// <summary>The hooked copy depends on the kernel's structure, which a configuration can change (unroll
    /// factors, loop classes), so it is cached per kernel and configuration.</summary>
    private static Type CachedHookedType(KernelProject project, KernelInfo kernel, KernelConfig config, IrKernel ir, KernelTiming timing)
    {
        var cache = HookedTypes.GetOrCreateValue(project);
        var key = $"{kernel.Name}|{string.Join(",", config.Values.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"))}|{timing.ClockMhz}";
        lock (cache)
        {
            if (!cache.TryGetValue(key, out var type)) cache[key] = type = HookedType(project, kernel, ir, timing);
            return type;
        }
    }

    private static DesignSpec BuildDesign(IrKernel ir, TraceSession session, IReadOnlyList<Variable> ports, Options options)
    {
        var builder = new DesignBuilder(options.ClockMhz);
        foreach (var name in session.ProcessNames) builder.AddProcess(name);
        var streams = session.PingPongs.Select(b => b.Name).Concat(TopInterfaces.AxisStreams(ir).Select(p => AxisPorts.FifoName(p.Name))).Concat(StreamNames(ir)).ToList();
        for (int i = 0; i < session.Fifos.Count; i++)
        {
            var (depth, producer, consumer) = session.Fifos[i];
            builder.AddFifo(i < streams.Count ? streams[i] : $"fifo{i}", depth, Math.Max(producer, 0), Math.Max(consumer, 0));
        }
        var channels = new Dictionary<string, int>();
        var paths = MemoryMapping.DataPaths(ports.Select(p => p.Port!.Bundle).ToList(), options.Board);
        var bundles = ports.Select(p => p.Port!.Bundle).Distinct().ToList();
        for (int i = 0; i < ports.Count; i++)
        {
            var binding = ports[i].Port!;
            var channel = MemoryMapping.ChannelFor(binding.Bank, options.Board);
            if (!channels.TryGetValue(channel.Name, out int index)) channels[channel.Name] = index = builder.AddChannel(channel);
            var (width, burst) = MemoryMapping.PortShape(binding.WidthBits, binding.MaxBurst, options.Board);
            builder.AddPort(ports[i].Name, Math.Max(session.PortOwners[i], 0), index, width, burst, binding.MaxOutstanding, binding.LatencyCycles, paths[i], bundles.IndexOf(binding.Bundle));
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
            .WithOptions(compilation.Options.WithOptimizationLevel(OptimizationLevel.Release)) // timing runs at full speed
            .WithAssemblyName("Hooked_" + Guid.NewGuid().ToString("N"))
            .AddReferences(MetadataReference.CreateFromFile(typeof(TraceHooks).Assembly.Location));
        var (assembly, diagnostics) = KernelProject.LoadInMemory(hooked);
        if (assembly is null)
            throw new InternalCompilerException("the emulator's hooked copy of the kernel does not compile: " +
                string.Join("; ", diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        return assembly.GetType(kernel.RuntimeType.FullName!) ?? throw new InternalCompilerException($"hooked copy has no {kernel.RuntimeType.FullName}");
    }
}
