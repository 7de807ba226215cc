namespace Accel.Tests.Transpiler;

/// <summary>One descriptor per intrinsic: the front end, the C++ printer and the schedule report read the same one.</summary>
public sealed class IntrinsicsTests
{
    [Fact]
    public void EveryIntrinsicHasExactlyOneDescriptor()
    {
        Assert.Equal(Enum.GetValues<Intrinsic>().Order(), Intrinsics.All.Select(i => i.Op).Order());
    }

    [Fact]
    public void NoTwoIntrinsicsComeFromTheSameCSharpMethod()
    {
        var methods = Intrinsics.All.Select(i => (i.CSharpType, i.CSharpMethod)).ToList();
        Assert.Equal(methods.Count, methods.Distinct().Count());
    }

    [Fact]
    public void OnlyStreamReadsAndWritesChangeState()
    {
        Assert.Equal([Intrinsic.StreamRead, Intrinsic.StreamWrite], Intrinsics.All.Where(i => i.HasSideEffects).Select(i => i.Op));
    }
}
