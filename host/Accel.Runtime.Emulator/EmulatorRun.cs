using Accel.Codegen.Ir;
using Accel.Codegen.Reference;
using Accel.Emulation;
using Accel.Emulation.Kernels;
using Accel.Hw;
using Accel.Runtime.Devices;
using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Emulator;

/// <summary>
/// A run on the emulator. <see cref="Start"/> takes a snapshot of every buffer's device copy and every scalar,
/// then emulates the kernel on a thread of its own (a kernel takes from milliseconds to minutes), so
/// <see cref="Wait"/> with a timeout means what it means on a card. On completion the written arguments
/// are copied into their buffers' device copies and <see cref="Report"/> holds the cycle figures. An axis port takes a
/// buffer too: the emulator feeds an input one from it and drains an output one into it (XRT cannot).
/// </summary>
public sealed class EmulatorRun : IRun
{
    private readonly EmulatorKernel kernel;
    private readonly Dictionary<int, long> scalars = [];
    private readonly Dictionary<int, IEmulatorBuffer> buffers = [];
    private Task<KernelEmulator.Result>? emulation;
    private bool disposed;

    internal EmulatorRun(EmulatorKernel kernel) => this.kernel = kernel;

    public IKernel Kernel => kernel;

    private XclbinKernel Definition => kernel.Definition;

    /// <summary>Cycles, time, processes, FIFOs and ports of the latest start once it has completed; null before that or if it failed.</summary>
    public TimingReport? Report => emulation is { IsCompletedSuccessfully: true } done ? done.Result.Report : null;

    public void SetArgument<T>(string argumentName, T value) where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var argument = ArgumentRules.Resolve(Definition, argumentName);
        ArgumentRules.CheckScalar<T>(Definition, argument);
        scalars[argument.Index] = ScalarValues.ToInt64(Definition.Name, argument.Name, value);
    }

    public void SetArgument(string argumentName, IBuffer buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var argument = ArgumentRules.Resolve(Definition, argumentName);
        if (buffer is not IEmulatorBuffer emulated || emulated.Device != kernel.Device)
            throw new DeviceArgumentException(
                $"kernel '{Definition.Name}' argument '{argument.Name}': the buffer belongs to another device; allocate it on {kernel.Device.Name}",
                nameof(buffer));
        if (argument.Kind == ArgumentKind.Stream)
            ArgumentRules.CheckElementType(Definition, argument, buffer.ElementType);
        else
            ArgumentRules.CheckBuffer(Definition, argument, buffer);
        buffers[argument.Index] = emulated;
    }

    public void Start()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var missing = Definition.Arguments
            .Where(a => (ArgumentRules.HostSets(a) || a.Kind == ArgumentKind.Stream) && !scalars.ContainsKey(a.Index) && !buffers.ContainsKey(a.Index))
            .Select(a => a.Name).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"kernel '{Definition.Name}': set argument(s) {string.Join(", ", missing)} before starting");
        if (emulation is { IsCompleted: false })
            throw new InvalidOperationException($"kernel '{Definition.Name}': the run is still in progress; wait for it before starting it again");

        var stimulus = new Stimulus(seed: 0);
        foreach (var (index, value) in scalars)
            stimulus.Scalar(Definition.Arguments[index].Name, value);
        var design = kernel.Design;
        var written = new List<(string Name, IEmulatorBuffer Buffer)>();
        foreach (var (index, buffer) in buffers)
        {
            var name = Definition.Arguments[index].Name;
            var parameter = design.Ir.Top.Parameters[index];
            // An output axis port is drained into its buffer: the buffer's length is the number of words it expects.
            bool drained = Definition.Arguments[index].Kind == ArgumentKind.Stream && design.Writes(parameter);
            if (drained) stimulus.Output(name, ApElement(index) ?? buffer.ElementType, buffer.SnapshotDevice().Length);
            else stimulus.Array(name, BoardLayout.ToKernel(buffer.SnapshotDevice(), LaidOutElement(index), (parameter.Type as PortType)?.Shape?.DimValues));
            // Only arguments the kernel writes come back, so a sync to an input during the run is not undone.
            if (design.Writes(parameter))
                written.Add((name, buffer));
        }
        var options = new KernelEmulator.Options(design.ClockMhz, design.Board.Name);
        emulation = Task.Factory.StartNew(() =>
        {
            var result = KernelEmulator.Run(design.Project, design.Kernel, design.Config, stimulus, options);
            foreach (var (name, buffer) in written)
                buffer.ReceiveFromRun(BoardLayout.Of(result.Outputs[name]));
            return result;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The typed ap element of an array or stream argument, or null.</summary>
    private Type? ApElement(int index) => KernelElement(index) is { } element && ApBits.IsTyped(element) ? element : null;

    /// <summary>The element of an array argument that the board holds in another layout (<see cref="BoardLayout"/>):
    /// a typed ap value or a struct; null for a scalar element.</summary>
    private Type? LaidOutElement(int index) => KernelElement(index) is { } element && (ApBits.IsTyped(element) || StructBytes.IsStruct(element)) ? element : null;

    private Type? KernelElement(int index)
    {
        var type = kernel.Design.Kernel.RuntimeTop!.GetParameters()[index].ParameterType;
        return type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments()[0] : null;
    }

    public void Wait(TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var started = emulation ?? throw new InvalidOperationException(
            $"kernel '{Definition.Name}': the run was never started, so there is nothing to wait for");
        var milliseconds = RunOutcome.TimeoutMilliseconds(timeout);
        // Waiting on the task itself would throw its exception; the outcome is read from the state instead.
        ((IAsyncResult)started).AsyncWaitHandle.WaitOne(milliseconds is { } ms ? (int)Math.Min(ms, int.MaxValue) : Timeout.Infinite);
        RunOutcome.Check(Definition.Name, State, timeout, () => RunFailures.Describe(started.Exception?.InnerException));
    }

    public RunState State => emulation switch
    {
        null => RunState.New,
        { IsCompletedSuccessfully: true } => RunState.Completed,
        { IsCompleted: true } => RunState.Error,
        _ => RunState.Running,
    };

    public void Dispose()
    {
        lock (kernel.Device.Gate)
        {
            if (disposed)
                return;
            disposed = true;
            kernel.Device.Forget(this);
        }
    }
}
