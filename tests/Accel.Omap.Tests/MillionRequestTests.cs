namespace Accel.Omap.Tests;

/// <summary>
/// A million seeded requests (gets, updates, inserts, deletes, missed gets and deletes) were each checked
/// against a Dictionary mirror as they ran (any wrong answer or value fails the run); here the end state is
/// audited on the trusted side: nothing lost, nothing duplicated, every value current. Each map's subclass adds
/// the bounds checks over the same run.
/// </summary>
public abstract class MillionRequestTests(MillionOperationRun run)
{
    [Fact]
    public void MillionSeededRequestsMatchADictionaryAndLoseNothing()
    {
        Assert.Equal(run.Mirror.Count, run.Map.Count);
        run.Mirror.AssertSameAs(run.Contents);
        // Every kind of request happened often, so the run really exercised each path.
        foreach (var outcome in new[]
        {
            (MapOperationKind.Get, true), (MapOperationKind.Get, false), (MapOperationKind.Put, true),
            (MapOperationKind.Put, false), (MapOperationKind.Delete, true), (MapOperationKind.Delete, false),
        })
            Assert.True(run.Mirror.Outcomes.GetValueOrDefault(outcome) > MillionOperationRun.Operations / 50, $"too few {outcome} requests");
    }
}
