using Accel.Codegen.Ir;
using Accel.Hw;

namespace Accel.Resources.Estimation;

/// <summary>On-chip arrays and streams. A ping-pong buffer of a dataflow region is two of its array. A completely
/// partitioned (or reshaped) array is registers; a cyclic or block
/// partition by F makes F banks of depth ceil(length / F), each a RAM (<see cref="MemoryCosts.Ram"/>), and a
/// reshape by F one RAM of that depth, F elements wide. Accesses
/// are assumed to reach their bank without a bank-select multiplexer (the index is affine in the unrolled
/// variable, which is what a partition by the unroll factor is for).</summary>
internal sealed partial class DatapathWalker
{
    private void DeclareArray(Variable v, ArrayType array)
    {
        if (array.Element is not (IntType or BoolType or FloatType or ApType))
        {
            ledger.Note($"{scope.Name}: array '{v.Name}' of {array.Element} is not estimated");
            return;
        }
        // A struct field nothing reads (a struct array's unused field) is removed, as Vitis removes a dead array.
        if (v.IsStructField && !Codegen.Ir.Analysis.ValueReads.Of(scope.Function).Contains(v))
        {
            ledger.Note($"{scope.Name}: struct field array '{v.Name}' is never read: not counted (Vitis removes it)");
            return;
        }
        int width = ValueWidths.TypeBits(array.Element);
        long length = array.LengthValue;
        var options = ledger.Options;
        // a ping-pong buffer is two of the array, one for the producer's block and one for the consumer's
        long copies = pingPongs.Contains(v) ? 2 * this.copies : this.copies;
        string name = pingPongs.Contains(v) ? $"{v.Name} (ping-pong)" : v.Name;
        // Completely partitioned in every dimension (dim 0, or the one dimension there is): registers.
        if (scope.Partitions.TryGetValue(v, out var p) && p.Kind == PartitionKind.Complete && (p.Dim == 0 || array.Rank == 1))
        {
            scope.RegisterArrays[v] = length;
            var registers = new ResourceVector(0, 0, 0, 0, length * width * copies);
            ledger.Array(new MemoryItem(scope.Name, name, false, length, width, length * copies, Storage.Registers, registers));
            return;
        }
        // A complete partition of one dimension of a multi-dimensional array: one bank per index of that dimension.
        long factor = p is null ? 1 : p.Kind == PartitionKind.Complete && array.DimValues is { } dims ? dims[p.Dim - 1] : p.Factor;
        long banks = Math.Clamp(factor, 1, length), depth = MemoryCosts.Ceil(length, banks);
        // reshaped, the banks' words sit side by side: one memory, banks times as wide
        var (wordWidth, memories) = p is { Reshape: true } ? ((int)(width * banks), 1L) : (width, banks);
        var bank = MemoryCosts.Ram(depth, wordWidth, options);
        ledger.Array(new MemoryItem(scope.Name, name, false, depth, wordWidth, memories * copies, bank.Storage, bank.Cost * (memories * copies)));
    }

    /// <summary>A FIFO: up to 32 deep it is shift-register LUTs (SRLC32E, one per bit), deeper it is a RAM;
    /// plus its two pointers and flags (assumed 20 LUT and 20 FF).</summary>
    private void DeclareStream(Variable v, StreamType stream)
    {
        int width = ValueWidths.TypeBits(stream.Element);
        long depth = Math.Max(1, v.StreamDepth);
        var control = new ResourceVector(0, 0, 0, 20, 20);
        var storage = depth <= 32 ? new MemoryCosts.Bank(Storage.Lutram, new ResourceVector(0, 0, 0, width, 0)) : MemoryCosts.Ram(depth, width, ledger.Options);
        ledger.Fixed(new CostItem(scope.Name, CostCategory.Stream, $"stream {v.Name} depth {depth} x {width} bit, {storage.Storage}", copies, storage.Cost + control));
    }

    /// <summary>The length of an array held in registers (completely partitioned), or null.</summary>
    private long? RegisterArrayLength(Variable v) => scope.RegisterArrays.TryGetValue(v, out long n) ? n : null;
}
