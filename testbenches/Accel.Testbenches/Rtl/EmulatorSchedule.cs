using Accel.Codegen.Backends.Rtl;
using Accel.Codegen.Ir;
using Accel.Emulation;
using Accel.Emulation.Kernels;

namespace Accel.Testbenches.Rtl;

/// <summary>The one adapter between the emulator's schedule and the RTL back end: loop classes, II, depths and
/// straight-line cycles from StaticTiming (with the operator latency table at the chosen clock), and each port's
/// memory figures from the same board presets and latency rule as the emulator's design. When the schedule
/// moves (an IR analysis layer), only this file changes.</summary>
public sealed class EmulatorSchedule : IRtlSchedule
{
    private readonly KernelTiming timing;

    public EmulatorSchedule(IrKernel kernel, double clockMhz)
    {
        timing = StaticTiming.Of(kernel, clockMhz);
        ClockMhz = clockMhz;
    }

    public double ClockMhz { get; }

    public RtlLoop Loop(int loopId)
    {
        var loop = timing.Loops.TryGetValue(loopId, out var found) ? found
            : new LoopTiming(loopId, 0, LoopKind.Unrolled, 0, 0, 0); // a loop the schedule never reached: unrolled code
        return new RtlLoop(loop.Kind switch
        {
            LoopKind.Pipelined => RtlLoopKind.Pipelined,
            LoopKind.Sequential => RtlLoopKind.Sequential,
            _ => RtlLoopKind.Unrolled,
        }, loop.II, loop.Depth, loop.BodyCycles);
    }

    public long EntryCycles(string function) => timing.FunctionCycles.GetValueOrDefault(function);

    /// <summary>Each m_axi port's latency (the larger of the port's and the channel's, as DesignSpec has it), beat
    /// width, and the channel's bandwidth as an exact fraction of a cycle per beat.</summary>
    public static IReadOnlyList<RtlPortTiming> Ports(IrKernel kernel, string board, double clockMhz)
    {
        if (!MemoryMapping.Boards.Contains(board))
            throw new Codegen.Frontend.KernelParameterException($"unknown board '{board}'; boards: {string.Join(", ", MemoryMapping.Boards)}");
        long clockHz = (long)Math.Round(clockMhz * 1e6);
        return kernel.Top.Parameters.Where(p => p.Port is not null).Select(p =>
        {
            var binding = p.Port!;
            var channel = MemoryMapping.ChannelFor(binding.Bank, board);
            int channelCycles = (int)Math.Max(1, Math.Ceiling(channel.LatencyNs * clockHz / 1e9 - 1e-9));
            int beatBytes = binding.WidthBits / 8;
            long work = beatBytes * clockHz, gcd = Gcd(work, channel.BandwidthBytesPerSecond);
            return new RtlPortTiming(p.Name, channel.Name, Math.Max(binding.LatencyCycles, channelCycles), beatBytes,
                channel.BandwidthBytesPerSecond / gcd, work / gcd);
        }).ToList();
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
