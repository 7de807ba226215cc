using Accel.Hw;

namespace Accel.Codegen.Ir;

/// <summary>An HLS directive. The same record is a pragma to the HLS backend and a timing rule to the emulator.</summary>
public abstract record Directive;

/// <summary>Issue one iteration every <see cref="II"/> cycles.</summary>
public sealed record PipelineDirective(int II) : Directive;

/// <summary>Unroll by <see cref="Factor"/>; 0 means completely.</summary>
public sealed record UnrollDirective(int Factor) : Directive;

/// <summary>Partition an on-chip array into banks, or with <see cref="Reshape"/> into wider words of one memory
/// (Vitis's ARRAY_RESHAPE: the same kinds and factors, the elements of a bank side by side in one word).</summary>
public sealed record ArrayPartitionDirective(Variable Array, PartitionKind Kind, int Factor, int Dim) : Directive
{
    public bool Reshape { get; init; }

    /// <summary>The Vitis pragma's name and the IR text's.</summary>
    public string PragmaName => Reshape ? "ARRAY_RESHAPE" : "ARRAY_PARTITION";
}

/// <summary>Partition a [LookupTable] (a ROM) into banks, so that reads of different banks need no copies of the
/// whole table.</summary>
public sealed record TablePartitionDirective(LookupTable Table, PartitionKind Kind, int Factor) : Directive
{
    /// <summary>Banks of the table: every entry its own when complete.</summary>
    public int Banks => Kind == PartitionKind.Complete ? Table.Values.Length : Math.Clamp(Factor, 1, Math.Max(1, Table.Values.Length));
}

public sealed record DataflowDirective : Directive;

public sealed record InlineDirective(bool On) : Directive;

/// <summary>Whether accesses to <see cref="Array"/> carry a dependence from one iteration of the loop to later ones,
/// and the least distance in iterations when it is known (0: not stated).</summary>
public sealed record DependenceDirective(Variable Array, bool Carried) : Directive
{
    /// <summary>Set at lowering from a constant, or once the whole kernel is lowered from
    /// <see cref="DistanceExpression"/> (an expression of the function's parameters that every call fixes).</summary>
    public int Distance { get; set; }
    public IrExpr? DistanceExpression { get; init; }
    public SourceSpot Source { get; init; } = SourceSpot.None;
}

public sealed record LoopTripCountDirective(int Min, int Max) : Directive;

/// <summary>At most <see cref="Limit"/> instances of the function named <see cref="Function"/> (its IR name) serve
/// the calls in the function or loop body that holds the directive.</summary>
public sealed record AllocationDirective(string Function, int Limit) : Directive;

public static class Directives
{
    /// <summary>The directives written at the top of a loop body or function body.</summary>
    public static IEnumerable<Directive> Leading(BlockStmt body) =>
        body.Statements.TakeWhile(s => s is DirectiveStmt).Cast<DirectiveStmt>().Select(s => s.Directive);

    public static T? Find<T>(BlockStmt body) where T : Directive => Leading(body).OfType<T>().FirstOrDefault();
}
