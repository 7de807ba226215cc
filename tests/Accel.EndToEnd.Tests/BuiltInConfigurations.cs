namespace Accel.Tests;

/// <summary>Test rows (kernel, configuration) read from the built-in kernels' [Config] attributes, so that a
/// configuration added to a kernel is tested without a row written for it.</summary>
internal static class BuiltInConfigurations
{
    /// <summary>The kernels' named configurations, in the order they are declared.</summary>
    public static IEnumerable<(string Kernel, string Config)> Named(params string[] kernels) =>
        kernels.SelectMany(k => KernelCatalog.Find(KernelCatalog.BuiltIn, k).Configs.Select(c => (k, c.Name)));

    /// <summary>The kernels' defaults, each followed by its named configurations.</summary>
    public static IEnumerable<(string Kernel, string Config)> WithDefaults(params string[] kernels) =>
        kernels.SelectMany(k => Named(k).Prepend((k, KernelConfig.DefaultName)));

    public static TheoryData<string, string> Rows(IEnumerable<(string Kernel, string Config)> rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var (kernel, config) in rows) data.Add(kernel, config);
        return data;
    }
}
