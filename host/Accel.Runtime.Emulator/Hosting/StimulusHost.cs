using Accel.Codegen.Reference;
using Accel.Emulation;
using Accel.Hw;
using Accel.Runtime.Devices;
using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Emulator.Hosting;

/// <summary>What a host run gave back: every array argument after the run, by name, and the cycle report when the device is the emulator.</summary>
public sealed record HostRunResult(IReadOnlyDictionary<string, Array> Arrays, TimingReport? Cycles);

/// <summary>
/// Runs one kernel invocation described by a <see cref="Stimulus"/> (a kernel's generated inputs) on any
/// device through the host API: a buffer per array argument in the argument's default bank, written and
/// synced, scalars set by name, start, wait, sync back, read. The argument list comes from the xclbin, so
/// the same code drives the emulator and XRT.
/// </summary>
public static class StimulusHost
{
    public static HostRunResult Run(IKernel kernel, Stimulus stimulus, TimeSpan timeout)
    {
        var buffers = new List<(string Name, IBuffer Buffer)>();
        try
        {
            using var run = kernel.CreateRun();
            // Axis streams take a buffer too: the emulator feeds or drains them (XRT refuses such a kernel when it opens it).
            foreach (var argument in kernel.Definition.Arguments.Where(a => ArgumentRules.HostSets(a) || a.Kind == ArgumentKind.Stream))
            {
                if (argument.Kind == ArgumentKind.Scalar)
                    SetScalar(run, argument, Lookup(stimulus.Scalars, argument.Name, kernel.Name, "scalar"));
                else
                {
                    var buffer = TypedBuffers.Upload(kernel, argument.Name, BoardLayout.Of(Lookup(stimulus.Arrays, argument.Name, kernel.Name, "array")));
                    buffers.Add((argument.Name, buffer));
                    run.SetArgument(argument.Name, buffer);
                }
            }
            run.Start();
            run.Wait(timeout);
            var arrays = buffers.ToDictionary(b => b.Name, b => TypedBuffers.Download(b.Buffer));
            return new HostRunResult(arrays, (run as EmulatorRun)?.Report);
        }
        finally
        {
            foreach (var (_, buffer) in buffers)
                buffer.Dispose();
        }
    }

    private static T Lookup<T>(IReadOnlyDictionary<string, T> values, string name, string kernel, string what) =>
        values.TryGetValue(name, out var value)
            ? value
            : throw new DeviceArgumentException($"kernel '{kernel}' argument '{name}': the stimulus has no {what} of that name");

    /// <summary>Passes a stimulus scalar as the argument's own C type, as a host program would.</summary>
    private static void SetScalar(IRun run, KernelArgument argument, long value)
    {
        var size = argument.HostSize != 0 ? argument.HostSize : argument.Size;
        var type = CTypeNames.ManagedTypeOf(argument.Type);
        if (type == typeof(sbyte)) run.SetArgument(argument.Name, (sbyte)value);
        else if (type == typeof(short)) run.SetArgument(argument.Name, (short)value);
        else if (type == typeof(ushort)) run.SetArgument(argument.Name, (ushort)value);
        else if (type == typeof(int)) run.SetArgument(argument.Name, (int)value);
        else if (type == typeof(uint)) run.SetArgument(argument.Name, (uint)value);
        else if (type == typeof(long)) run.SetArgument(argument.Name, value);
        else if (type == typeof(ulong)) run.SetArgument(argument.Name, unchecked((ulong)value));
        else if (type == typeof(byte) || (type is null && size == 1)) run.SetArgument(argument.Name, (byte)value);  // bool is one byte
        else
            throw new DeviceArgumentException($"argument '{argument.Name}' of type '{argument.Type}' cannot be set from an integer stimulus");
    }
}
