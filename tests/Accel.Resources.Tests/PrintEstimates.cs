using Xunit.Abstractions;

namespace Accel.Resources.Tests;

/// <summary>Prints the estimates of the default configurations (until the CLI has a verb for it):
/// dotnet test tests/Accel.Resources.Tests --filter PrintEstimates --logger "console;verbosity=detailed"</summary>
public sealed class PrintEstimates(ITestOutputHelper output)
{
    [Theory]
    [InlineData("softmax")]
    [InlineData("gelu")]
    public void DefaultConfiguration(string kernel)
    {
        var estimate = ResourceEstimator.Estimate(Kernels.BuiltIn(kernel));
        output.WriteLine(EstimateTable.Render(estimate, part: Parts.Zcu102, items: true));
        Assert.True(estimate[Resource.Lut] > 0 && estimate[Resource.Ff] > 0);
        Assert.Equal(estimate.Total, ResourceVector.Sum(estimate.ByFunction.Values));
        Assert.Equal(estimate.Total, ResourceVector.Sum(estimate.ByCategory.Values));
    }
}
