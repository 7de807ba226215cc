using System.Runtime.CompilerServices;

namespace Accel.Tests.Analysis;

/// <summary>Entities and statements have identity; expressions and types are values over them.</summary>
public sealed class IrIdentityTests
{
    public static TheoryData<Type> StatementTypes() =>
        new(typeof(IrStmt).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(IrStmt)) && !t.IsAbstract));

    [Theory]
    [MemberData(nameof(StatementTypes))]
    public void EveryStatementTypeComparesByIdentity(Type type)
    {
        // Two blank nodes of one type have equal fields: only identity tells them apart.
        var (a, b) = (RuntimeHelpers.GetUninitializedObject(type), RuntimeHelpers.GetUninitializedObject(type));
        Assert.NotEqual(a, b);
        Assert.Equal(a, a);
        Assert.Equal(RuntimeHelpers.GetHashCode(a), a.GetHashCode());
    }

    [Fact]
    public void TwoBreaksOnOneLineAreTwoStatements() =>
        Assert.Equal(2, new HashSet<IrStmt> { new BreakStmt(3), new BreakStmt(3) }.Count);

    [Fact]
    public void VariablesOfOneNameAndTypeAreDistinct()
    {
        var (x, sameName) = (new Variable("x", IrType.Int32, VariableKind.Local), new Variable("x", IrType.Int32, VariableKind.Local));
        Assert.NotEqual(x, sameName);
        Assert.Equal(2, new HashSet<Variable> { x, sameName }.Count);
    }

    [Fact]
    public void ExpressionsAreValuesOverTheirVariables()
    {
        var (x, otherX) = (new Variable("x", IrType.Int32, VariableKind.Local), new Variable("x", IrType.Int32, VariableKind.Local));
        BinaryExpr Plus1(Variable v) => new(IrType.Int32, BinaryOp.Add, new VarRefExpr(v), new ConstExpr(IrType.Int32, 1));
        Assert.Equal(Plus1(x), Plus1(x));
        Assert.NotEqual(Plus1(x), Plus1(otherX));
    }
}
