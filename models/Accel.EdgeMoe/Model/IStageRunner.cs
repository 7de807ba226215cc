namespace Accel.EdgeMoe.Model;

/// <summary>How the encoder executes each kernel call: directly (the default), or through something that also
/// measures it (the emulator). A runner must leave the arrays exactly as the direct call would, so the layer
/// sequence stays one piece of code whatever runs it.</summary>
public interface IStageRunner
{
    void Run(StageCall call);
}

/// <summary>One kernel call of the encoder. Layer is null for the stages outside the layers (patch embedding,
/// final norm, head). Arguments are in the order of the top function's parameters; arrays are updated in place.</summary>
public sealed record StageCall(string Stage, int? Layer, KernelInstance Kernel, object[] Arguments);

/// <summary>Calls the kernel's C# top function as it is.</summary>
public sealed class DirectRunner : IStageRunner
{
    public static DirectRunner Instance { get; } = new();

    public void Run(StageCall call) => call.Kernel.Invoke(call.Arguments);
}
