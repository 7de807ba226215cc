namespace Accel.Hw;

public enum PartitionKind { Complete, Cyclic, Block }

/// <summary>HLS directives, written as calls at the place the pragma goes (first statements of a loop body or
/// function). In .NET they do nothing; the transpiler prints them as pragmas and the emulator times them.
/// Arguments must be compile-time constants (literals or kernel parameters).</summary>
public static class Hls
{
    /// <summary>Pipeline the enclosing loop (or function) with initiation interval <paramref name="ii"/>.</summary>
    public static void Pipeline(int ii = 1) { }

    /// <summary>Unroll the enclosing loop by <paramref name="factor"/>; 0 unrolls it completely.</summary>
    public static void Unroll(int factor = 0) { }

    /// <summary>Partition an on-chip array so several elements can be read in one cycle.</summary>
    public static void ArrayPartition(Array array, PartitionKind kind, int factor = 0, int dim = 1) { }

    /// <summary>Reshape an on-chip array into wider words, as Vitis's ARRAY_RESHAPE: a cyclic reshape by f puts f
    /// consecutive elements in one word (one port reads them all in one cycle), a block reshape by f puts element
    /// i, i + n/f, i + 2n/f ... in one word, a complete reshape makes the array one word (registers). Fewer,
    /// wider block RAMs than a partition by the same factor, but one pair of ports for all the elements.</summary>
    public static void ArrayReshape(Array array, PartitionKind kind, int factor = 0, int dim = 1) { }

    /// <summary>Run the calls of the enclosing function as concurrent processes joined by streams.</summary>
    public static void Dataflow() { }

    /// <summary>Inline the enclosing function into its callers (or forbid it with false).</summary>
    public static void Inline(bool on = true) { }

    /// <summary>Tell the scheduler how accesses to <paramref name="array"/> in the enclosing loop depend on
    /// earlier iterations, as Vitis's DEPENDENCE pragma (type=inter). <c>carried: false</c> asserts they never do;
    /// <paramref name="distance"/> &gt; 0 asserts an element written is read again no sooner than that many
    /// iterations later (the recurrence may then spread over them). A false assertion makes the hardware compute
    /// something else than the C#.</summary>
    public static void Dependence(Array array, bool carried = true, int distance = 0) { }

    /// <summary>At most <paramref name="limit"/> hardware instances of <paramref name="function"/> (a kernel or
    /// [KernelLibrary] method, named as a method group) serve the calls in the enclosing function or loop, as
    /// Vitis's ALLOCATION pragma (function instances): calls beyond the limit share an instance, so a pipelined
    /// loop making k calls an iteration runs at II ceil(k / limit) or more, and the function's operators are
    /// counted limit times instead of once per call.</summary>
    public static void Allocation(Delegate function, int limit) { }

    /// <summary>Iteration bounds of the enclosing loop, for latency reports of loops with runtime bounds.</summary>
    public static void LoopTripCount(int min, int max) { }
}
