using Accel.Codegen.Ir;

namespace Accel.Resources.Estimation;

/// <summary>The nodes that instantiate no operator of their own, each said so here rather than left to the walker's
/// defaults: a kind of node the estimator has not considered fails DatapathWalkerCoverageTests instead of silently
/// costing nothing.</summary>
internal sealed partial class DatapathWalker
{
    // Constants, parameters and table names are wiring; a variable is a register or an array, counted where it is
    // declared (Memories) and where an element is read or written (VisitIndex, VisitAssign).
    public override bool VisitConst(ConstExpr e) => base.VisitConst(e);
    public override bool VisitParamRef(ParamRefExpr e) => base.VisitParamRef(e);
    public override bool VisitNamedConst(NamedConstExpr e) => base.VisitNamedConst(e);
    public override bool VisitVarRef(VarRefExpr e) => base.VisitVarRef(e);
    public override bool VisitTableRef(TableRefExpr e) => base.VisitTableRef(e);

    // Control: the operators are in the condition and the branches or statements, walked as usual; a branch's
    // result mux is the ConditionalExpr's or the register's write enable, which the cost table folds in.
    public override void VisitExpr(ExprStmt s) => base.VisitExpr(s);
    public override void VisitIf(IfStmt s) => base.VisitIf(s);
    public override void VisitBreak(BreakStmt s) => base.VisitBreak(s);
    public override void VisitContinue(ContinueStmt s) => base.VisitContinue(s);
    public override void VisitReturn(ReturnStmt s) => base.VisitReturn(s);
    public override void VisitDirective(DirectiveStmt s)
    {
        if (s.Directive is TablePartitionDirective partition) ledger.PartitionTable(partition);
    }
}
