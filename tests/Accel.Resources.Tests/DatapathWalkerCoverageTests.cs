namespace Accel.Resources.Tests;

/// <summary>The estimator states its rule for every kind of IR node: a node kind added to the IR fails here until
/// DatapathWalker declares how it is costed (even if the answer is "nothing of its own").</summary>
public sealed class DatapathWalkerCoverageTests
{
    [Fact]
    public void TheEstimatorDeclaresARuleForEveryKindOfNode()
    {
        var walker = typeof(ResourceEstimator).Assembly.GetType("Accel.Resources.Estimation.DatapathWalker", throwOnError: true)!;
        var visits = typeof(IIrExprVisitor<bool>).GetMethods().Concat(typeof(IIrStmtVisitor).GetMethods()).Select(m => m.Name);
        var declared = walker.GetMethods(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => m.Name).ToHashSet();
        var undeclared = visits.Except(declared).ToList();
        Assert.True(undeclared.Count == 0, $"DatapathWalker has no rule for: {string.Join(", ", undeclared)}");
    }
}
