using Accel.Codegen.Ir;

namespace Accel.Codegen.Passes;

/// <summary>Visits every node of a function in source order; passes override what they look at.</summary>
public abstract class IrWalker : IIrStmtVisitor, IIrExprVisitor<bool>
{
    public void Walk(IrFunction function) => function.Body.Accept(this);

    protected void Walk(IrExpr? expr) => expr?.Accept(this);

    public virtual void VisitBlock(BlockStmt s) { foreach (var x in s.Statements) x.Accept(this); }
    public virtual void VisitLocalDecl(LocalDeclStmt s) => Walk(s.Initializer);
    public virtual void VisitAssign(AssignStmt s) { Walk(s.Target); Walk(s.Value); }
    public virtual void VisitExpr(ExprStmt s) => Walk(s.Expression);
    public virtual void VisitIf(IfStmt s) { Walk(s.Condition); s.Then.Accept(this); s.Else?.Accept(this); }
    public virtual void VisitFor(ForStmt s)
    {
        foreach (var x in s.Init) x.Accept(this);
        Walk(s.Condition);
        foreach (var x in s.Step) x.Accept(this);
        s.Body.Accept(this);
    }
    public virtual void VisitWhile(WhileStmt s) { Walk(s.Condition); s.Body.Accept(this); }
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
