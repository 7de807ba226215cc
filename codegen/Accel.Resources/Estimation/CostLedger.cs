using Accel.Codegen.Ir;

namespace Accel.Resources.Estimation;

/// <summary>What the walk finds, before it is priced: operators by kind and width, registers, arrays, the reads
/// of each lookup table per pipelined region, and the things the estimate could not price.</summary>
internal sealed class CostLedger(EstimatorOptions options)
{
    private readonly Dictionary<(string Function, OperatorKind Kind, int A, int B, int Out), long> operators = new();
    private readonly Dictionary<(string Function, string What), long> registerBits = new();
    private readonly List<MemoryItem> arrays = new();
    private readonly List<CostItem> fixedItems = new();
    private readonly Dictionary<LookupTable, long> tableReads = new();
    private readonly Dictionary<LookupTable, TablePartitionDirective> tablePartitions = new();
    private readonly List<string> notes = new();
    private Dictionary<LookupTable, long>? region;

    public EstimatorOptions Options => options;

    public void Operator(string function, OperatorKind kind, int a, int b, int @out, long count)
    {
        if (count <= 0) return;
        var key = (function, kind, a, b, @out);
        operators[key] = operators.GetValueOrDefault(key) + count;
    }

    public void Registers(string function, string what, long bits)
    {
        if (bits <= 0) return;
        registerBits[(function, what)] = registerBits.GetValueOrDefault((function, what)) + bits;
    }

    public void Array(MemoryItem item) => arrays.Add(item);

    public void Fixed(CostItem item) => fixedItems.Add(item);

    public void Note(string note)
    {
        if (!notes.Contains(note)) notes.Add(note);
    }

    /// <summary>A pipelined loop starts an iteration every II cycles, so the reads of a table inside it happen in
    /// the same cycle and need ports of their own; sequential code takes turns on one port.</summary>
    public void BeginPipeline() => region = new();

    public void EndPipeline()
    {
        foreach (var (table, reads) in region!) tableReads[table] = Math.Max(tableReads.GetValueOrDefault(table), reads);
        region = null;
    }

    public void PartitionTable(TablePartitionDirective partition) => tablePartitions[partition.Table] = partition;

    public void TableRead(LookupTable table, long copies)
    {
        if (region is null) tableReads[table] = Math.Max(tableReads.GetValueOrDefault(table), 1);
        else region[table] = region.GetValueOrDefault(table) + copies;
    }

    public ResourceEstimate Close(IrKernel kernel)
    {
        var items = new List<CostItem>();
        foreach (var ((function, kind, a, b, o), count) in operators.OrderBy(x => x.Key.Function, StringComparer.Ordinal).ThenBy(x => x.Key.Kind).ThenBy(x => x.Key.A).ThenBy(x => x.Key.B).ThenBy(x => x.Key.Out))
        {
            var cost = options.Table.Find(kind, a, b, o);
            items.Add(new CostItem(function, CostCategories.Of(kind), $"{kind.TableName()} {Widths(kind, a, b, o)}", count, cost.Resources));
        }
        foreach (var ((function, what), bits) in registerBits.OrderBy(x => x.Key.Function, StringComparer.Ordinal).ThenBy(x => x.Key.What, StringComparer.Ordinal))
            items.Add(new CostItem(function, CostCategory.Registers, what, bits, new ResourceVector(0, 0, 0, 0, 1)));

        var memories = new List<MemoryItem>(arrays);
        foreach (var table in kernel.Tables)
        {
            long reads = tableReads.GetValueOrDefault(table);
            if (reads == 0) continue;
            // partitioned into banks, the reads spread over them (as evenly as they can: an optimistic reading)
            long banks = tablePartitions.TryGetValue(table, out var partition) ? partition.Banks : 1;
            long depth = MemoryCosts.Ceil(table.Values.Length, banks), bankReads = MemoryCosts.Ceil(reads, banks);
            int width = ValueWidths.TypeBits(table.Element); // an ap table's words are W bits, not their container
            var bank = MemoryCosts.Rom(depth, width, bankReads, options);
            long copies = banks * (bank.Storage == Storage.Lutram ? bankReads : MemoryCosts.Ceil(bankReads, 2));
            memories.Add(new MemoryItem(kernel.Top.Name, table.Name, true, depth, width, copies, bank.Storage, bank.Cost * banks));
        }
        foreach (var m in memories)
            items.Add(new CostItem(m.Function, m.IsRom ? CostCategory.Rom : m.Storage == Storage.Registers ? CostCategory.Registers : CostCategory.Ram,
                $"{m.Name}[{m.Depth}] x {m.Width} bit, {m.Banks} {(m.IsRom ? "cop" + (m.Banks == 1 ? "y" : "ies") : "bank" + (m.Banks == 1 ? "" : "s"))}, {m.Storage}", 1, m.Cost));
        items.AddRange(fixedItems);
        return new ResourceEstimate(kernel.Name, items, memories, notes);
    }

    private static string Widths(OperatorKind kind, int a, int b, int o) => kind switch
    {
        OperatorKind.Mul => $"{a}x{b}->{o}",
        OperatorKind.Muxn => $"{b}:1 x 32 bit",
        OperatorKind.Shl or OperatorKind.Shr => $"{a} bit",
        OperatorKind.Clz => $"{a} bit",
        _ => $"{Math.Max(a, o)} bit",
    };
}
