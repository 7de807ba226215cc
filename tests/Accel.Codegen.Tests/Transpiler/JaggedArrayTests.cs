namespace Accel.Tests.Transpiler;

/// <summary>Jagged arrays whose rows all have one constant length are the 2-D arrays they stand for: each accepted
/// form lowers to the type `new T[R, C]` has, so the C++, the schedule and the estimate are those of T[R, C]. The
/// refused forms are the kernels of Invalid/Jagged.cs (InvalidKernelTests: one report each, at its line).</summary>
public sealed class JaggedArrayTests
{
    [Fact]
    public void EveryAcceptedFormIsTheTwoDimensionalArrayOfItsRows()
    {
        var path = TestPaths.Data("Transpiler", "Cases", "006-jagged-arrays.cs");
        var project = KernelProject.FromFiles([path], []);
        var kernel = KernelCatalog.Find(project, "case_kernel");
        var ir = Codegen.Transpiler.Lower(project, kernel, KernelConfig.Resolve(kernel, null, []));
        var locals = Declarations(ir.Top.Body).ToDictionary(v => v.Name, v => (ArrayType)v.Type);
        // rows = 4, cols = 6: a row loop to a constant, one to x.Length with ++r and braces, a collection
        // expression, an array initializer with a computed row length.
        Assert.Equal([4L, 6L], locals["grid"].DimValues);
        Assert.Equal([3L, 6L], locals["byLength"].DimValues);
        Assert.Equal([2L, 2L], locals["listed"].DimValues);
        Assert.Equal([2L, 7L], locals["initialized"].DimValues);
        Assert.Equal(24, locals["grid"].LengthValue);
        Assert.Equal(new IntType(8, false), locals["initialized"].Element);
        // The T[][] parameter takes the shape its call passes.
        var scale = ir.Functions.Single(f => f.Name == "Scale");
        Assert.Equal([4L, 6L], ((ArrayParamType)scale.Parameters[0].Type).Shape!.DimValues);
    }

    private static IEnumerable<Variable> Declarations(IrStmt statement) => statement switch
    {
        LocalDeclStmt { Variable: { Type: ArrayType } v } => [v],
        BlockStmt b => b.Statements.SelectMany(Declarations),
        _ => [],
    };
}
