namespace Accel.Tests.Analysis;

/// <summary>Trip counts worked out by hand: listing the counter's values and counting them.</summary>
public sealed class CountedLoopTests
{
    private static readonly IntType Int = IrType.Int32;
    private static readonly Variable I = new("i", Int, VariableKind.Local);
    private static readonly KernelParam N = new("n", Int, 4);

    private static ConstExpr C(long v) => new(Int, v);
    private static VarRefExpr Ref(Variable v) => new(v);
    private static BinaryExpr Op(BinaryOp op, IrExpr l, IrExpr r) => new(op is >= BinaryOp.Eq and <= BinaryOp.Ge ? IrType.Bool : Int, op, l, r);

    /// <summary>for (int i = start; condition; i = step)</summary>
    private static ForStmt Loop(IrExpr start, IrExpr condition, params IrStmt[] step) =>
        new(1, 1, [new LocalDeclStmt(1, I, start)], condition, step, new BlockStmt(1, []));

    private static AssignStmt By(long k) => new(1, Ref(I), k >= 0 ? Op(BinaryOp.Add, Ref(I), C(k)) : Op(BinaryOp.Sub, Ref(I), C(-k)));

    private static long? Trips(ForStmt loop) => CountedLoop.Of(loop, ConstantFolder.Constants)?.Trips;

    [Theory]
    [InlineData(0, BinaryOp.Lt, 10, 1, 10)]   // 0..9
    [InlineData(0, BinaryOp.Lt, 10, 3, 4)]    // 0 3 6 9
    [InlineData(1, BinaryOp.Le, 10, 3, 4)]    // 1 4 7 10
    [InlineData(5, BinaryOp.Lt, 3, 1, 0)]     // starts past the bound
    [InlineData(10, BinaryOp.Gt, 0, -1, 10)]  // 10..1
    [InlineData(10, BinaryOp.Ge, 0, -4, 3)]   // 10 6 2
    [InlineData(0, BinaryOp.Ne, 12, 4, 3)]    // 0 4 8
    [InlineData(12, BinaryOp.Ne, 0, -4, 3)]   // 12 8 4
    public void CountsTheCounterValuesTheLoopRuns(long start, BinaryOp op, long bound, long step, long trips)
    {
        var loop = CountedLoop.Of(Loop(C(start), Op(op, Ref(I), C(bound)), By(step)), ConstantFolder.Constants);
        Assert.NotNull(loop);
        Assert.Same(I, loop.Counter);
        Assert.Equal(step, loop.Step);
        Assert.Equal(op, loop.Comparison);
        Assert.Equal(trips, loop.Trips);
        Assert.True(loop.CounterAlone);
    }

    [Theory]
    [InlineData(0, BinaryOp.Ne, 10, 4)]  // 0 4 8 12 ...: never equals 10
    [InlineData(0, BinaryOp.Lt, 10, -1)] // counts away from the bound
    [InlineData(10, BinaryOp.Gt, 0, 2)]
    public void ALoopTheComparisonNeverEndsHasNoCount(long start, BinaryOp op, long bound, long step) =>
        Assert.Null(Trips(Loop(C(start), Op(op, Ref(I), C(bound)), By(step))));

    [Fact]
    public void AParameterStartIsReadAtItsValue() // n = 4: 4..19
    {
        var loop = CountedLoop.Of(Loop(new ParamRefExpr(N), Op(BinaryOp.Lt, Ref(I), C(20)), By(1)), ConstantFolder.Constants);
        Assert.Equal(16, loop?.Trips);
        Assert.Equal(4, loop?.Start?.Constant);
    }

    [Fact]
    public void ABoundWrittenFirstIsMirrored() => // 8 > i is i < 8: 0 2 4 6
        Assert.Equal(4, Trips(Loop(C(0), Op(BinaryOp.Gt, C(8), Ref(I)), By(2))));

    [Fact]
    public void ABoundRelativeToAnUnknownStartStillCounts() // for (i = k; i < k + 5; i++)
    {
        var k = new Variable("k", Int, VariableKind.Local);
        var loop = CountedLoop.Of(Loop(Ref(k), Op(BinaryOp.Lt, Ref(I), Op(BinaryOp.Add, Ref(k), C(5))), By(1)), AffineIndex.Symbol);
        Assert.Equal(5, loop?.Trips);
        Assert.Null(CountedLoop.Of(Loop(Ref(k), Op(BinaryOp.Lt, Ref(I), C(5)), By(1)), AffineIndex.Symbol)?.Trips);
    }

    [Fact]
    public void ALoopThatDoesNotStepByAConstantIsNotCounted() // i = i * 2
    {
        var doubling = new AssignStmt(1, Ref(I), Op(BinaryOp.Mul, Ref(I), C(2)));
        Assert.Null(CountedLoop.Of(Loop(C(1), Op(BinaryOp.Lt, Ref(I), C(64)), doubling), ConstantFolder.Constants));
    }

    [Fact]
    public void ASecondSteppedVariableLeavesTheCounterNotAlone() // for (int i = 0; i < 6; i++, j += 2)
    {
        var j = new Variable("j", Int, VariableKind.Local);
        var loop = Loop(C(0), Op(BinaryOp.Lt, Ref(I), C(6)), By(1), new AssignStmt(1, Ref(j), Op(BinaryOp.Add, Ref(j), C(2))));
        var counted = CountedLoop.Of(loop with { Init = [.. loop.Init, new LocalDeclStmt(1, j, C(0))] }, ConstantFolder.Constants);
        Assert.Same(I, counted?.Counter);
        Assert.Equal(6, counted?.Trips);
        Assert.False(counted?.CounterAlone);
    }
}
