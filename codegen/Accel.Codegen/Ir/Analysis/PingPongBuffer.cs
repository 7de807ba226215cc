namespace Accel.Codegen.Ir.Analysis;

/// <summary>An on-chip array one process of a dataflow region writes and a later one reads: Vitis makes it a
/// ping-pong buffer (PIPO), so the consumer starts on a block only once the producer has finished it, and the
/// array is held twice. The emulator times it as a channel of two slots that the producer fills when it ends and
/// the consumer empties when it starts; the estimator counts its memory twice.</summary>
/// <param name="Producer">the writing process, by call order in the region (0 is the first call)</param>
public sealed record PingPongBuffer(Variable Array, int Producer, int Consumer)
{
    public const int Depth = 2;

    public string Name => $"{Array.Name} (ping-pong)";

    public static IReadOnlyList<PingPongBuffer> Of(IrKernel kernel)
    {
        var top = kernel.Top;
        var calls = DataflowRegion.ProcessCalls(kernel).Select(DataflowRegion.Call).ToList();
        if (calls.Count == 0) return [];
        var functions = kernel.Functions.ToDictionary(f => f.Name);
        var use = VariableUse.Of(kernel);
        var buffers = new List<PingPongBuffer>();
        foreach (var array in top.Body.Statements.OfType<LocalDeclStmt>().Select(d => d.Variable).Where(v => v.Type is ArrayType))
        {
            int producer = -1;
            for (int p = 0; p < calls.Count; p++)
            {
                var parameter = ParameterFor(calls[p], functions[calls[p].Callee], array);
                if (parameter is null) continue;
                if (producer >= 0 && use.IsRead(parameter)) buffers.Add(new PingPongBuffer(array, producer, p));
                if (use.IsWritten(parameter)) producer = p;
            }
        }
        return buffers;
    }

    private static Variable? ParameterFor(CallExpr call, IrFunction callee, Variable array)
    {
        int at = call.Arguments.ToList().FindIndex(a => a is VarRefExpr { Variable: var v } && ReferenceEquals(v, array));
        return at >= 0 && at < callee.Parameters.Count ? callee.Parameters[at] : null;
    }
}
