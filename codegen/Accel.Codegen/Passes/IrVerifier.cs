using Accel.Codegen.Ir;

namespace Accel.Codegen.Passes;

/// <summary>Checks the IR's own invariants after lowering: operand types agree, conditions are bool, targets
/// are writable. A failure is a transpiler bug (InternalCompilerException), never a user error.</summary>
public sealed class IrVerifier : IrWalker
{
    private readonly string function;

    private IrVerifier(string function) => this.function = function;

    public static void Verify(IrKernel kernel)
    {
        foreach (var f in kernel.Functions) new IrVerifier(f.Name).Walk(f);
    }

    private void Require(bool condition, string what)
    {
        if (!condition) throw new InternalCompilerException($"IR of {function}: {what}");
    }

    public override bool VisitBinary(BinaryExpr e)
    {
        bool shift = e.Op is BinaryOp.Shl or BinaryOp.Shr or BinaryOp.UShr;
        if (e.Op is BinaryOp.LogicalAnd or BinaryOp.LogicalOr)
            Require(e.Left.Type is BoolType && e.Right.Type is BoolType, $"{e.Op} on non-bool operands");
        else if (e.Left.Type is ApType || e.Right.Type is ApType) // ap operators take any two shapes, as in C++
            Require(e.Left.Type is ApType && (shift ? e.Right.Type is IntType : e.Right.Type is ApType), $"{e.Op} on {e.Left.Type} and {e.Right.Type}");
        else if (!shift)
            Require(e.Left.Type == e.Right.Type, $"{e.Op} on {e.Left.Type} and {e.Right.Type}");
        if (shift) Require(e.Right.Type is IntType, "shift count is not an integer");
        return base.VisitBinary(e);
    }

    public override bool VisitIndex(IndexExpr e)
    {
        Require(IrTypes.ElementOf(e.Array.Type) is not null and not StreamType, $"indexing a {e.Array.Type}");
        Require(e.Index.Type is IntType, "array index is not an integer");
        // An element of a port of structs is only ever reached through one of its fields, of that field's type.
        if (IrTypes.ElementOf(e.Array.Type) is AggregateType aggregate)
            Require(e.Field is { } f && aggregate.Fields.Contains(f) && f.Type == e.Type, $"an element of {aggregate.Name}[] without one of its fields");
        else
            Require(e.Field is null, "a field of an element that is not a struct");
        return base.VisitIndex(e);
    }

    public override void VisitAssign(AssignStmt s)
    {
        Require(s.Target is VarRefExpr or IndexExpr, "assignment to something that is not a variable or element");
        Require(s.Target.Type == s.Value.Type, $"assigning {s.Value.Type} to {s.Target.Type} at line {s.Line}");
        base.VisitAssign(s);
    }

    public override void VisitIf(IfStmt s)
    {
        Require(s.Condition.Type is BoolType, $"if condition of type {s.Condition.Type} at line {s.Line}");
        base.VisitIf(s);
    }

    public override bool VisitConditional(ConditionalExpr e)
    {
        Require(e.Condition.Type is BoolType && e.WhenTrue.Type == e.WhenFalse.Type, "conditional operand types");
        return base.VisitConditional(e);
    }
}
