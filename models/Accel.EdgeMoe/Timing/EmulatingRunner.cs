using Accel.Codegen.Frontend;
using Accel.EdgeMoe.Model;
using Accel.Emulation.Kernels;
using Accel.Hw;
using Accel.Kernels.Catalog;
using Accel.Testbenches;

namespace Accel.EdgeMoe.Timing;

/// <summary>Runs each kernel call on the cycle-level emulator, in the configuration its instance was built with,
/// on the caller's own arrays and scalars; copies every array back (so the encoder sees what a direct call would
/// leave) and records the call's cycles and port bytes.</summary>
public sealed class EmulatingRunner(KernelEmulator.Options options, Action<StageTiming>? onStage = null) : IStageRunner
{
    /// <summary>The top function's output of how many tokens each expert served (Moe kernel).</summary>
    private const string ExpertTokensParameter = "expertTokens";

    private readonly List<StageTiming> stages = [];
    private readonly Dictionary<KernelInstance, (KernelInfo Info, KernelConfig Config)> resolved = [];

    /// <summary>Every call so far, in the order the device would run them.</summary>
    public IReadOnlyList<StageTiming> Stages => stages;

    public void Run(StageCall call)
    {
        var (info, config) = Resolve(call.Kernel);
        var parameters = call.Kernel.Top.GetParameters();
        if (parameters.Length != call.Arguments.Length)
            throw new ArgumentException($"{call.Stage}: kernel '{info.Name}' takes {parameters.Length} arguments, the call gave {call.Arguments.Length}");
        var stimulus = new Stimulus(0);
        for (int i = 0; i < parameters.Length; i++)
        {
            if (call.Arguments[i] is Array array) stimulus.Array(parameters[i].Name!, array);
            else stimulus.Scalar(parameters[i].Name!, Convert.ToInt64(call.Arguments[i], System.Globalization.CultureInfo.InvariantCulture));
        }

        var result = KernelEmulator.Run(KernelCatalog.BuiltIn, info, config, stimulus, options);
        for (int i = 0; i < parameters.Length; i++)
            if (call.Arguments[i] is Array array) Array.Copy(result.Outputs[parameters[i].Name!], array, array.Length);

        var experts = result.Outputs.TryGetValue(ExpertTokensParameter, out var counts)
            ? ((int[])counts).Select((tokens, expert) => new ExpertLoad(expert, tokens)).Where(e => e.Tokens > 0).ToList()
            : [];
        var timing = new StageTiming(call.Stage, call.Layer, info.Name, config.Name, result.Report.TotalCycles, result.Report.Ports, experts);
        stages.Add(timing);
        onStage?.Invoke(timing);
    }

    private (KernelInfo, KernelConfig) Resolve(KernelInstance instance)
    {
        if (!resolved.TryGetValue(instance, out var pair))
        {
            var info = KernelCatalog.Find(KernelCatalog.BuiltIn, instance.KernelName);
            resolved[instance] = pair = (info, KernelConfig.Resolve(info, null, instance.Assignments));
        }
        return pair;
    }
}
