namespace Accel.Dse.Report;

/// <summary>plotly.js as Plotly.NET ships it inside its assembly (the copy its own "Full" HTML inlines), so the
/// report needs no network: no CDN, no file beside the page.</summary>
public static class PlotlyScript
{
    public static string Version => global::Globals.PLOTLYJS_VERSION;

    private static readonly Lazy<string> Text = new(() =>
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = $"Plotly.NET.plotly-{Version}.min.js";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Plotly.NET {assembly.GetName().Version} has no resource '{name}'; its resources: {string.Join(", ", assembly.GetManifestResourceNames())}");
        using var reader = new StreamReader(stream);
        // Inside <script>, only "</script" ends the element: make sure the library never spells it.
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    });

    /// <summary>The minified library, safe to place between &lt;script&gt; and &lt;/script&gt;.</summary>
    public static string Source => Text.Value;
}
