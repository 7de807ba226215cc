using System.Runtime.CompilerServices;

namespace Accel.Codegen.Ir;

/// <summary>A statement node; <see cref="Line"/> is the 1-based line of the C# source it came from. Statements
/// have identity (each node type compares by reference): a statement is a place in the program, so two `break;`
/// on one line are two statements, and analyses key their maps by the node itself.</summary>
public abstract record IrStmt(int Line)
{
    public abstract void Accept(IIrStmtVisitor visitor);
}

public sealed record BlockStmt(int Line, IReadOnlyList<IrStmt> Statements) : IrStmt(Line)
{
    public bool Equals(BlockStmt? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    /// <summary>False for statements that only travel together (`int a = 1, b = 2;`): no C++ scope of their own.</summary>
    public bool IsScope { get; init; } = true;

    public override void Accept(IIrStmtVisitor v) => v.VisitBlock(this);
}

/// <summary>A local variable; arrays and streams are declared without an initializer.</summary>
public sealed record LocalDeclStmt(int Line, Variable Variable, IrExpr? Initializer) : IrStmt(Line)
{
    public bool Equals(LocalDeclStmt? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override void Accept(IIrStmtVisitor v) => v.VisitLocalDecl(this);
}

/// <summary>target = value, where target is a variable or an array element.</summary>
public sealed record AssignStmt(int Line, IrExpr Target, IrExpr Value) : IrStmt(Line)
{
    public bool Equals(AssignStmt? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override void Accept(IIrStmtVisitor v) => v.VisitAssign(this);
}

/// <summary>An expression evaluated for its effect: a call or a stream write.</summary>
public sealed record ExprStmt(int Line, IrExpr Expression) : IrStmt(Line)
{
    public bool Equals(ExprStmt? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    /// <summary>Where the statement starts in its source file: the emulator's rewriter finds a process call by it.</summary>
    public int Position { get; init; }

    public override void Accept(IIrStmtVisitor v) => v.VisitExpr(this);
}

public sealed record IfStmt(int Line, IrExpr Condition, IrStmt Then, IrStmt? Else) : IrStmt(Line)
{
    public bool Equals(IfStmt? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override void Accept(IIrStmtVisitor v) => v.VisitIf(this);
}

/// <summary>A counted or conditional loop. <see cref="Id"/> numbers the loops of a kernel in source order, so
/// the HLS labels and the emulator's loop table agree.</summary>
public sealed record ForStmt(int Line, int Id, IReadOnlyList<IrStmt> Init, IrExpr? Condition, IReadOnlyList<IrStmt> Step, BlockStmt Body) : IrStmt(Line)
{
    public bool Equals(ForStmt? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    /// <summary>Where the loop starts in its source file (character offset), so tools that work on the C#
    /// source (the emulator's rewriter) find the loop this node came from.</summary>
    public int Position { get; init; }

    public string Label => $"loop{Id}_line{Line}";
    public override void Accept(IIrStmtVisitor v) => v.VisitFor(this);
}

public sealed record WhileStmt(int Line, int Id, IrExpr Condition, BlockStmt Body) : IrStmt(Line)
{
    public bool Equals(WhileStmt? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public int Position { get; init; }

    public string Label => $"loop{Id}_line{Line}";
    public override void Accept(IIrStmtVisitor v) => v.VisitWhile(this);
}

public sealed record BreakStmt(int Line) : IrStmt(Line)
{
    public bool Equals(BreakStmt? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override void Accept(IIrStmtVisitor v) => v.VisitBreak(this);
}

public sealed record ContinueStmt(int Line) : IrStmt(Line)
{
    public bool Equals(ContinueStmt? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override void Accept(IIrStmtVisitor v) => v.VisitContinue(this);
}

public sealed record ReturnStmt(int Line, IrExpr? Value) : IrStmt(Line)
{
    public bool Equals(ReturnStmt? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override void Accept(IIrStmtVisitor v) => v.VisitReturn(this);
}

/// <summary>An HLS directive at the place it was written.</summary>
public sealed record DirectiveStmt(int Line, Directive Directive) : IrStmt(Line)
{
    public bool Equals(DirectiveStmt? other) => ReferenceEquals(this, other);
    public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);

    public override void Accept(IIrStmtVisitor v) => v.VisitDirective(this);
}

public interface IIrStmtVisitor
{
    void VisitBlock(BlockStmt s);
    void VisitLocalDecl(LocalDeclStmt s);
    void VisitAssign(AssignStmt s);
    void VisitExpr(ExprStmt s);
    void VisitIf(IfStmt s);
    void VisitFor(ForStmt s);
    void VisitWhile(WhileStmt s);
    void VisitBreak(BreakStmt s);
    void VisitContinue(ContinueStmt s);
    void VisitReturn(ReturnStmt s);
    void VisitDirective(DirectiveStmt s);
}
