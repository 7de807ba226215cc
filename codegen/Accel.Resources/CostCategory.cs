using Accel.Codegen.Ir;

namespace Accel.Resources;

/// <summary>What a part of an estimate pays for, for the per-category breakdown.</summary>
public enum CostCategory { Multiply, AddSub, Compare, Mux, Shift, Logic, Divide, Registers, Ram, Rom, Stream, Interface }

public static class CostCategories
{
    public static CostCategory Of(OperatorKind kind) => kind switch
    {
        OperatorKind.Mul => CostCategory.Multiply,
        OperatorKind.Add or OperatorKind.Sub => CostCategory.AddSub,
        OperatorKind.Lt or OperatorKind.Eq => CostCategory.Compare,
        OperatorKind.Mux or OperatorKind.Muxn => CostCategory.Mux,
        OperatorKind.Shl or OperatorKind.Shr => CostCategory.Shift,
        OperatorKind.And or OperatorKind.Clz => CostCategory.Logic,
        OperatorKind.Div or OperatorKind.Rem => CostCategory.Divide,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
