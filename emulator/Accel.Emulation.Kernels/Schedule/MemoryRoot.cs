using Accel.Codegen.Ir;
using Accel.Codegen.Passes;
using Accel.Codegen.Ir.Analysis;

namespace Accel.Emulation.Kernels.Schedule;

internal enum MemoryKind { OnChip, Registers, Table, Port }

/// <summary>The memory an array expression reaches: an on-chip array (its block RAM banks, or registers when
/// completely partitioned), a lookup table (a ROM), or an m_axi port.</summary>
internal sealed record MemoryRoot(object Key, string Name, MemoryKind Kind, IrType Element, long Length, ArrayPartitionDirective? Partition, PortBinding? Port)
{
    /// <summary>Block RAM banks (1 when unpartitioned or reshaped); registers have no port limit.</summary>
    public int Banks => Partition switch
    {
        null => 1,
        { Reshape: true, Kind: not Hw.PartitionKind.Complete } => 1,
        { Kind: Hw.PartitionKind.Complete } p => (int)Math.Min(int.MaxValue, DimLength(p.Dim)),
        { Dim: 0 } p => (int)Math.Min(int.MaxValue, Math.Pow(p.Factor, Rank)),
        var p => p.Factor,
    };

    private int Rank => Partition?.Array.Type is ArrayType a ? a.Rank : 1;

    /// <summary>True for an array reshaped into wider words (not completely: that is registers).</summary>
    public bool Reshaped => Partition is { Reshape: true, Kind: not Hw.PartitionKind.Complete };

    /// <summary>Elements written per cycle by a fill: one word of each bank.</summary>
    public long ElementsPerWordCycle => Reshaped ? Math.Max(1, Partition!.Factor) : Math.Max(1, Banks);

    /// <summary>What one port operation reaches, as an index form: the element, or the word of a reshaped array;
    /// null when the index does not tell.</summary>
    public AffineIndex? PlaceOf(AffineIndex? index) => Reshaped ? WordOf(index) : index;

    /// <summary>The word of a reshaped 1-D array an access reaches, when the index tells: a cyclic reshape by f holds
    /// elements f w .. f w + f - 1 in word w, a block reshape by f holds the elements one block length
    /// B = ceil(n / f) apart (word i mod B).</summary>
    private AffineIndex? WordOf(AffineIndex? index)
    {
        if (index is null || Rank != 1) return null;
        long f = Partition!.Factor, block = (Length + f - 1) / f;
        return Partition.Kind switch
        {
            Hw.PartitionKind.Cyclic when index.Terms.Values.All(c => c % f == 0) =>
                AffineIndex.Add(Scale(index, f), AffineIndex.Of(FloorDiv(index.Constant, f))),
            Hw.PartitionKind.Block when block > 0 && index.Terms.Values.All(c => c % block == 0) => AffineIndex.Of(((index.Constant % block) + block) % block),
            _ => null,
        };
    }

    private static long FloorDiv(long a, long b) => a / b - (a % b < 0 ? 1 : 0);

    /// <summary>The index's symbol terms divided by f (the constant left out).</summary>
    private static AffineIndex Scale(AffineIndex index, long f) =>
        new(0, index.Terms.ToDictionary(t => t.Key, t => t.Value / f));

    private long DimLength(int dim) => Partition?.Array.Type is ArrayType { DimValues: { } dims } && dim >= 1 ? dims[dim - 1] : Length;

    /// <summary>The bank an access hits, when its index tells (a 1-D array), or null (any bank).</summary>
    public int? BankOf(AffineIndex? index)
    {
        if (index is null || Partition is null || Rank != 1) return Partition is null || Reshaped ? 0 : null;
        int banks = Banks;
        return Partition.Kind switch
        {
            Hw.PartitionKind.Cyclic when index.Terms.Values.All(c => c % banks == 0) => (int)(((index.Constant % banks) + banks) % banks),
            Hw.PartitionKind.Block when index.IsConstant => (int)Math.Min(banks - 1, index.Constant / Math.Max(1, (Length + banks - 1) / banks)),
            _ => null,
        };
    }
}

/// <summary>Resolves array expressions to their memory: array parameters to what their callers pass (followed
/// through every level), local arrays to their partition directive.</summary>
internal sealed class MemoryRoots
{
    private readonly Dictionary<Variable, ArrayPartitionDirective> partitions = new();
    private readonly Dictionary<Variable, IrExpr> passedTo = new(); // array parameter -> what a caller passes
    private readonly Dictionary<object, MemoryRoot> roots = new();

    public MemoryRoots(IrKernel kernel)
    {
        var functions = kernel.Functions.ToDictionary(f => f.Name);
        var finder = new Finder(this, functions);
        foreach (var f in kernel.Functions) finder.Walk(f);
    }

    /// <summary>The variable or table an array parameter stands for (itself when no caller passes it anything known).</summary>
    public object Resolve(Variable v)
    {
        for (int guard = 0; guard < 64 && passedTo.TryGetValue(v, out var next); guard++)
        {
            if (next is TableRefExpr t) return t.Table;
            v = ((VarRefExpr)next).Variable;
        }
        return v;
    }

    public MemoryRoot? Of(IrExpr array, Func<Variable, Variable?> frameRoot)
    {
        switch (array)
        {
            case TableRefExpr t:
                return Root(t.Table, () => new MemoryRoot(t.Table, t.Table.Name, MemoryKind.Table, t.Table.Element, t.Table.Values.Length, null, null));
            case VarRefExpr { Variable: var v }:
                var resolved = Resolve(frameRoot(v) ?? v);
                if (resolved is LookupTable table) return Of(new TableRefExpr(table), frameRoot);
                var variable = (Variable)resolved;
                return Root(variable, () =>
                {
                    if (variable.Port is { } port) return new MemoryRoot(variable, variable.Name, MemoryKind.Port, IrTypes.ElementOf(variable.Type)!, 0, null, port);
                    var partition = partitions.GetValueOrDefault(variable);
                    long length = variable.Type is ArrayType a ? a.LengthValue : 0;
                    bool registers = partition is { Kind: Hw.PartitionKind.Complete } && (partition.Dim == 0 || variable.Type is ArrayType { Rank: 1 });
                    return new MemoryRoot(variable, variable.Name, registers ? MemoryKind.Registers : MemoryKind.OnChip, IrTypes.ElementOf(variable.Type) ?? variable.Type, length, partition, null);
                });
            default:
                return null;
        }
    }

    private MemoryRoot Root(object key, Func<MemoryRoot> make)
    {
        if (!roots.TryGetValue(key, out var root)) roots[key] = root = make();
        return root;
    }

    private sealed class Finder(MemoryRoots owner, IReadOnlyDictionary<string, IrFunction> functions) : IrWalker
    {
        public override void VisitDirective(DirectiveStmt s)
        {
            if (s.Directive is ArrayPartitionDirective p) owner.partitions[p.Array] = p;
        }

        public override bool VisitCall(CallExpr e)
        {
            if (functions.TryGetValue(e.Callee, out var callee))
                for (int i = 0; i < e.Arguments.Count && i < callee.Parameters.Count; i++)
                    if (e.Arguments[i] is VarRefExpr or TableRefExpr && callee.Parameters[i].Type is ArrayParamType or PortType)
                        owner.passedTo.TryAdd(callee.Parameters[i], e.Arguments[i]);
            return base.VisitCall(e);
        }
    }
}
