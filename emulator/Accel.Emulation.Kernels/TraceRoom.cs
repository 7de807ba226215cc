using System.Runtime.CompilerServices;
using Accel.Codegen.Frontend;
using Accel.Codegen.Reference;

namespace Accel.Emulation.Kernels;

/// <summary>What the memory budget leaves for the emulator's trace, measured as the hooked run starts (the budget
/// less the working set then). A counted loop about to begin records at least one operation per iteration, so a
/// loop whose iterations alone cannot fit is refused before any of it is recorded, with what it needs; a run that
/// fits that bound but grows past the budget later is stopped by the watchdog. Without a budget, nothing is checked.</summary>
internal sealed class TraceRoom
{
    private static readonly int OpBytes = Unsafe.SizeOf<TraceOp>();
    private readonly long? room = MemoryBudget.Room;
    private readonly long workingSet = Environment.WorkingSet;

    /// <param name="trips">the iterations of the loop instance that begins now</param>
    public void Require(string loop, long trips, IReadOnlyList<TraceRecorder> recorders)
    {
        if (room is not long bytes || trips < bytes / OpBytes / 64) return;   // a small loop: not worth summing
        double recorded = recorders.Sum(r => (double)r.Count) * OpBytes;
        double needed = (double)trips * OpBytes;
        if (recorded + needed <= bytes) return;
        throw new BudgetExceededException(
            $"memory budget too small: {RunActivity.Describe() ?? $"the loop {loop}"} is about to run {trips:N0} iterations, and the emulator's " +
            $"trace records at least one {OpBytes}-byte operation for each: it needs at least {MemoryBudget.Megabytes((long)Math.Min(recorded + needed, long.MaxValue))} " +
            $"({MemoryBudget.Megabytes((long)recorded)} recorded so far), where the budget leaves {MemoryBudget.Megabytes(Math.Max(0, bytes))} " +
            $"({MemoryBudget.Option} less the {MemoryBudget.Megabytes(workingSet)} in use when the run started); refused before recording it. " +
            "Choose a smaller configuration (--config, --param) or raise --max-memory");
    }
}
