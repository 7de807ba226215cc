namespace Accel.Omap.Tests;

/// <summary>BOLT's million-request run: correctness (base class) and its bin-load and eviction-queue bounds.</summary>
public sealed class BoltMillionRequestTests(BoltMillionRun run, ITestOutputHelper output)
    : MillionRequestTests(run), IClassFixture<BoltMillionRun>
{
    private BoltMap Bolt => (BoltMap)run.Map;

    [Fact]
    public void BinLoadsStayUnderTheirBoundAndFollowTheTwoChoiceModel()
    {
        var parameters = Bolt.Parameters;
        Assert.True(Bolt.MaxBinLoad <= parameters.SlotsPerPage, $"a bin reached {Bolt.MaxBinLoad} items, over L = {parameters.SlotsPerPage}");

        // Time-averaged fraction of bins with load >= i, against the fluid-limit tail DESIGN.md derives L from.
        double binSamples = (double)run.Samples * parameters.BinCount;
        double[] model = BinLoadModel.SteadyStateTail(parameters.ItemsPerBin, parameters.SlotsPerPage);
        int c = parameters.ItemsPerBin;
        for (int load = c - 2; load <= parameters.SlotsPerPage; load++)
        {
            double measured = run.LoadCounts.Skip(load).Sum() / binSamples;
            output.WriteLine($"load >= {load}: measured {measured:E3}, model {model[load]:E3}");
        }
        // The model's tail must not be optimistic where it is measurable (at least ~50 bin-samples expected)...
        for (int load = c + 1; load <= parameters.SlotsPerPage && model[load] * binSamples >= 50; load++)
        {
            double measured = run.LoadCounts.Skip(load).Sum() / binSamples;
            Assert.True(measured <= 1.3 * model[load], $"load >= {load}: measured fraction {measured:E3} exceeds the model's {model[load]:E3} by over 30%");
        }
        // ...and past that, no load the model puts below one expected bin-sample in the whole run was ever seen.
        int unseen = Enumerable.Range(c, parameters.SlotsPerPage - c + 1)
            .Where(load => model[load] * binSamples < 1).DefaultIfEmpty(parameters.SlotsPerPage + 1).First();
        Assert.True(run.LoadCounts.Skip(unseen).Sum() == 0, $"bins sampled at load {unseen} or more, which the model makes negligible");
    }

    [Fact]
    public void EvictionQueueStaysUnderItsBoundAndMatchesLittlesLaw()
    {
        var parameters = Bolt.Parameters;
        Assert.True(Bolt.MaxQueueLength <= parameters.QueueBound, $"queue reached {Bolt.MaxQueueLength}, over its bound {parameters.QueueBound}");
        // Little's law: arrivals (placements that land on a host bin) times the mean wait (B^2 / (2B - 1)).
        double placingFraction = (double)run.Placements / MillionOperationRun.Operations;
        double predicted = placingFraction * parameters.ExpectedQueueLength;
        double measured = (double)run.QueueLengthSum / run.Samples;
        output.WriteLine($"queue: mean {measured:F1}, predicted {predicted:F1}, max {Bolt.MaxQueueLength}, bound {parameters.QueueBound}");
        Assert.InRange(measured, 0.9 * predicted, 1.1 * predicted);
    }
}
