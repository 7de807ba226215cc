using Accel.Codegen.Ir;

namespace Accel.Codegen.Passes;

/// <summary>Visits every node of a function in source order; passes override what they look at.</summary>
public abstract class IrWalker : IIrStmtVisitor, IIrExprVisitor<bool>
{
    public void Walk(IrFunction function) => Walk(function.Body);

    protected void Walk(IrExpr? expr) => expr?.Accept(this);

    /// <summary>The source line of the statement being walked, for reports about what is inside it.</summary>
    protected int Line { get; private set; }

    /// <summary>Walks a statement with <see cref="Line"/> set to its line, then back to the enclosing statement's.</summary>
    protected void Walk(IrStmt? statement)
    {
        if (statement is null) return;
        int outer = Line;
        Line = statement.Line;
        statement.Accept(this);
        Line = outer;
    }

    public virtual void VisitBlock(BlockStmt s) { foreach (var x in s.Statements) Walk(x); }
    public virtual void VisitLocalDecl(LocalDeclStmt s) => Walk(s.Initializer);
    public virtual void VisitAssign(AssignStmt s) { Walk(s.Target); Walk(s.Value); }
    public virtual void VisitExpr(ExprStmt s) => Walk(s.Expression);
    public virtual void VisitIf(IfStmt s) { Walk(s.Condition); Walk(s.Then); Walk(s.Else); }
    public virtual void VisitFor(ForStmt s)
    {
        foreach (var x in s.Init) Walk(x);
        Walk(s.Condition);
        foreach (var x in s.Step) Walk(x);
        Walk(s.Body);
    }
    public virtual void VisitWhile(WhileStmt s) { Walk(s.Condition); Walk(s.Body); }
    public virtual void VisitBreak(BreakStmt s) { }
    public virtual void VisitContinue(ContinueStmt s) { }
    public virtual void VisitReturn(ReturnStmt s) => Walk(s.Value);
    public virtual void VisitDirective(DirectiveStmt s) { }

    public virtual bool VisitConst(ConstExpr e) => true;
    public virtual bool VisitParamRef(ParamRefExpr e) => true;
    public virtual bool VisitNamedConst(NamedConstExpr e) => true;
    public virtual bool VisitVarRef(VarRefExpr e) => true;
    public virtual bool VisitTableRef(TableRefExpr e) => true;
    public virtual bool VisitIndex(IndexExpr e) { Walk(e.Array); Walk(e.Index); return true; }
    public virtual bool VisitUnary(UnaryExpr e) { Walk(e.Operand); return true; }
    public virtual bool VisitBinary(BinaryExpr e) { Walk(e.Left); Walk(e.Right); return true; }
    public virtual bool VisitConvert(ConvertExpr e) { Walk(e.Operand); return true; }
    public virtual bool VisitConditional(ConditionalExpr e) { Walk(e.Condition); Walk(e.WhenTrue); Walk(e.WhenFalse); return true; }
    public virtual bool VisitCall(CallExpr e) { foreach (var a in e.Arguments) Walk(a); return true; }
    public virtual bool VisitIntrinsic(IntrinsicExpr e) { foreach (var a in e.Arguments) Walk(a); return true; }
}
