using Accel.Codegen.Ir;
using Accel.Resources.Estimation;

namespace Accel.Resources;

/// <summary>Estimates the DSP48E2, BRAM_18K, URAM, LUT and FF use of a kernel at one configuration from its IR,
/// before any HLS run: fast enough for a design-space sweep, and a guide, not a synthesis result.
///
/// What it counts, and what it assumes:
/// - Operators (multiply, add/sub, compare, mux, shift, logic, divide, leading-zero count) by operand and result
///   width, priced from operator-costs.json (Yosys, UltraScale+; scripts/yosys/calibrate.sh), each with one
///   registered output. Copies follow the unroll factors, every loop in a pipelined loop is unrolled, calls are
///   counted where they are made, and nothing is shared (exact for pipelined code, an upper bound elsewhere).
/// - Locals of sequential code are registers; locals inside a pipeline are wires (the operators' registers
///   hold the pipeline). Completely partitioned arrays are registers.
/// - Memories by the UltraScale+ primitives (<see cref="MemoryCosts"/>), lookup tables copied for the reads a
///   pipelined loop makes in one cycle.
/// - One m_axi adapter per bundle, the s_axilite control block when the kernel has one, and a register slice per
///   axis port, at the fixed costs of <see cref="EstimatorOptions"/>; ap_memory, ap_vld and ap_none ports cost nothing.
/// Not counted: FSM and pipeline control, and whatever the notes of the estimate list.</summary>
public static class ResourceEstimator
{
    public static ResourceEstimate Estimate(IrKernel kernel, EstimatorOptions? options = null)
    {
        options ??= EstimatorOptions.Default;
        var ledger = new CostLedger(options);
        DatapathWalker.Run(kernel, ledger);
        AddInterfaces(kernel, ledger, options);
        return ledger.Close(kernel);
    }

    private static void AddInterfaces(IrKernel kernel, CostLedger ledger, EstimatorOptions options)
    {
        var top = kernel.Top;
        var ports = top.Parameters.Where(p => p.Kind == VariableKind.Port).ToList();
        foreach (var bundle in ports.GroupBy(p => p.Port?.Bundle ?? p.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            ledger.Fixed(new CostItem(top.Name, CostCategory.Interface, $"m_axi adapter {bundle.Key} ({string.Join(", ", bundle.Select(p => p.Name))})", 1, options.MAxiAdapter));

        foreach (var axis in TopInterfaces.AxisStreams(kernel))
            ledger.Fixed(new CostItem(top.Name, CostCategory.Interface, $"axis register slice {axis.Name}", ValueWidths.TypeBits(IrTypes.ElementOf(axis.Type)!), options.AxisSliceBit));

        // Each buffer's 64-bit address is two control registers; each s_axilite scalar one (two when 64-bit). An
        // ap_memory port is the address and data wires of a memory outside the kernel, ap_vld and ap_none scalars are
        // wires: none of them has an adapter or a register here.
        if (!TopInterfaces.HasAxiLiteControl(top)) return;
        long registers = 2 * ports.Count + top.Parameters.Where(p => p.Kind == VariableKind.Scalar && p.Interface == InterfaceMode.Default)
            .Sum(p => MemoryCosts.Ceil(ValueWidths.TypeBits(p.Type), 32));
        ledger.Fixed(new CostItem(top.Name, CostCategory.Interface, "s_axilite control", 1, options.ControlBase));
        ledger.Fixed(new CostItem(top.Name, CostCategory.Interface, "s_axilite registers (32 bit)", registers, options.ControlRegister32));
    }
}
