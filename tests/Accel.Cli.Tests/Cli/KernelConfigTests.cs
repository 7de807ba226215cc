using Accel.Kernels.Catalog;

namespace Accel.Tests.Cli;

public sealed class KernelConfigTests
{
    private static readonly KernelInfo Softmax = KernelCatalog.Find(KernelCatalog.BuiltIn, "softmax");

    [Fact]
    public void OverridesNameTheFolderAfterWhatChanged()
    {
        var config = KernelConfig.Resolve(Softmax, null, ["lanes=4", "rowLength=33"]);
        Assert.Equal("lanes-4_rowLength-33", config.Name);
        Assert.Equal(33, config.Values["rowLength"]);
    }

    [Theory]
    [InlineData("rowLength=0", "parameter 'rowLength' = '0' is invalid; expected an integer in [1, 4096]")]
    [InlineData("lanes=many", "parameter 'lanes' = 'many' is invalid")]
    [InlineData("width=3", "has no parameter 'width'; parameters: rowLength, lanes, actIntBits, expTableBits")]
    [InlineData("rowLength", "'rowLength' is not of the form name=value")]
    public void BadParametersNameTheParameterAndWhatIsAccepted(string assignment, string message)
    {
        var error = Assert.Throws<KernelParameterException>(() => KernelConfig.Resolve(Softmax, null, [assignment]));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void AnUnknownConfigurationListsTheKnownOnes()
    {
        var error = Assert.Throws<KernelParameterException>(() => KernelConfig.Resolve(Softmax, "huge", []));
        Assert.Contains("configurations: default, row16, row129-lanes4, row64-lanes8", error.Message);
    }

    [Fact]
    public void AnUnknownKernelListsTheKnownOnes()
    {
        var error = Assert.Throws<KernelParameterException>(() => KernelCatalog.Find(KernelCatalog.BuiltIn, "attention2"));
        Assert.Matches("kernels: .*gelu.*softmax", error.Message);
    }
}
