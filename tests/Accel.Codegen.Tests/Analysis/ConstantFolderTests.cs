using System.Numerics;

namespace Accel.Tests.Analysis;

/// <summary>The two readings of one expression: what C# computes (wrapping at the type) and the exact value.</summary>
public sealed class ConstantFolderTests
{
    private static readonly IntType Int = IrType.Int32;

    private static ConstExpr C(long v, IrType? type = null) => new(type ?? Int, v);

    [Fact]
    public void IntMaxPlusOneWrapsButIsExactlyTwoToThe31()
    {
        var sum = new BinaryExpr(Int, BinaryOp.Add, C(int.MaxValue), C(1));
        Assert.Equal(int.MinValue, ConstantFolder.Constants.Wrapped(sum));
        Assert.Equal(new BigInteger(2147483648), ConstantFolder.Constants.Exact(sum));
    }

    [Fact]
    public void ANarrowingConversionThatLosesTheValueHasNoExactValue() // (int)2147483648L
    {
        var narrowed = new ConvertExpr(Int, C(2147483648, IrType.Int64));
        Assert.Equal(int.MinValue, ConstantFolder.Constants.Wrapped(narrowed));
        Assert.Null(ConstantFolder.Constants.Exact(narrowed));
    }

    [Fact]
    public void AnIntShiftCountIsMaskedToFiveBitsOnlyInTheWrappedReading() // 1 << 33: C# shifts by 1
    {
        var shift = new BinaryExpr(Int, BinaryOp.Shl, C(1), C(33));
        Assert.Equal(2, ConstantFolder.Constants.Wrapped(shift));
        Assert.Equal(BigInteger.One << 33, ConstantFolder.Constants.Exact(shift));
    }

    [Fact]
    public void AnUnsignedByteKeepsTheLowEightBits() // (byte)(200 + 100) = 300 - 256
    {
        var sum = new ConvertExpr(new IntType(8, false), new BinaryExpr(Int, BinaryOp.Add, C(200), C(100)));
        Assert.Equal(44, ConstantFolder.Constants.Wrapped(sum));
        Assert.Null(ConstantFolder.Constants.Exact(sum));
    }

    [Fact]
    public void KnownVariablesAreReadThroughTheLookup()
    {
        var x = new Variable("x", Int, VariableKind.Local);
        var y = new Variable("y", Int, VariableKind.Local);
        var folder = ConstantFolder.Of(new Dictionary<Variable, long>() { [x] = 5 });
        Assert.Equal(15, folder.Wrapped(new BinaryExpr(Int, BinaryOp.Mul, new VarRefExpr(x), C(3))));
        Assert.Equal(new BigInteger(15), folder.Exact(new BinaryExpr(Int, BinaryOp.Mul, new VarRefExpr(x), C(3))));
        Assert.Null(folder.Wrapped(new BinaryExpr(Int, BinaryOp.Mul, new VarRefExpr(y), C(3))));
    }

    [Fact]
    public void FalseAndAnythingIsFalse() // C# never evaluates the unknown side
    {
        var unknown = new VarRefExpr(new Variable("flag", IrType.Bool, VariableKind.Local));
        Assert.Equal(0, ConstantFolder.Constants.Wrapped(new BinaryExpr(IrType.Bool, BinaryOp.LogicalAnd, C(0, IrType.Bool), unknown)));
        Assert.Equal(1, ConstantFolder.Constants.Wrapped(new BinaryExpr(IrType.Bool, BinaryOp.LogicalOr, unknown, C(1, IrType.Bool))));
        Assert.Null(ConstantFolder.Constants.Wrapped(new BinaryExpr(IrType.Bool, BinaryOp.LogicalAnd, C(1, IrType.Bool), unknown)));
    }
}
