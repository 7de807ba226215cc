using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Accel.Resources;

/// <summary>A bad csynth.xml: the message names the file, the line when there is one, and what was expected.</summary>
public sealed class CsynthReportException(string message) : Exception(message);

/// <summary>The figures of a Vitis HLS synthesis report (solution/syn/report/csynth.xml) that sit beside an
/// estimate, under the names HLS users know. In the file they are
/// profile/PerformanceEstimates/SummaryOfOverallLatency/{Best-caseLatency, Worst-caseLatency, Interval-min,
/// Interval-max} (cycles; "undef" when HLS cannot bound them, null here) and
/// profile/AreaEstimates/Resources/{BRAM_18K, DSP, FF, LUT, URAM}.</summary>
public sealed record CsynthReport(
    string Path,
    string? Part,
    string? TopModelName,
    double? TargetClockPeriod,
    double? EstimatedClockPeriod,
    long? BestLatency,
    long? WorstLatency,
    long? IntervalMin,
    long? IntervalMax,
    ResourceVector Resources,
    ResourceVector? AvailableResources)
{
    public static CsynthReport Read(string path)
    {
        if (!File.Exists(path)) throw new CsynthReportException($"{path}: no such csynth.xml report");
        XDocument document;
        try { document = XDocument.Load(path, LoadOptions.SetLineInfo); }
        catch (XmlException e) { throw new CsynthReportException($"{path}:{e.LineNumber}: not well-formed XML: {e.Message}"); }

        var root = document.Root!;
        if (root.Name.LocalName != "profile")
            throw new CsynthReportException($"{path}:{Line(root)}: expected a Vitis HLS csynth.xml with root element <profile>, found <{root.Name.LocalName}>");
        var latency = root.Element("PerformanceEstimates")?.Element("SummaryOfOverallLatency")
            ?? throw new CsynthReportException($"{path}: missing profile/PerformanceEstimates/SummaryOfOverallLatency");
        var area = root.Element("AreaEstimates")
            ?? throw new CsynthReportException($"{path}: missing profile/AreaEstimates");
        var resources = area.Element("Resources")
            ?? throw new CsynthReportException($"{path}:{Line(area)}: missing AreaEstimates/Resources");
        var user = root.Element("UserAssignments");

        return new CsynthReport(path,
            user?.Element("Part")?.Value.Trim(),
            user?.Element("TopModelName")?.Value.Trim(),
            Real(path, user?.Element("TargetClockPeriod")),
            Real(path, root.Element("PerformanceEstimates")?.Element("SummaryOfTimingAnalysis")?.Element("EstimatedClockPeriod")),
            Cycles(path, latency, "Best-caseLatency"),
            Cycles(path, latency, "Worst-caseLatency"),
            Cycles(path, latency, "Interval-min"),
            Cycles(path, latency, "Interval-max"),
            Area(path, resources, required: true)!.Value,
            area.Element("AvailableResources") is { } available ? Area(path, available, required: false) : null);
    }

    /// <summary>Reports of parts without UltraRAM may leave out URAM: it counts as 0. Every other key is required.</summary>
    private static ResourceVector? Area(string path, XElement e, bool required)
    {
        long Get(string key, bool optional) => e.Element(key) is { } x
            ? Count(path, x)
            : optional || !required ? 0 : throw new CsynthReportException($"{path}:{Line(e)}: missing AreaEstimates/{e.Name.LocalName}/{key}");
        return new ResourceVector(Get("DSP", false), Get("BRAM_18K", false), Get("URAM", true), Get("LUT", false), Get("FF", false));
    }

    private static long? Cycles(string path, XElement parent, string key)
    {
        var e = parent.Element(key) ?? throw new CsynthReportException($"{path}:{Line(parent)}: missing SummaryOfOverallLatency/{key}");
        return e.Value.Trim() == "undef" ? null : Count(path, e);
    }

    private static long Count(string path, XElement e) =>
        long.TryParse(e.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new CsynthReportException($"{path}:{Line(e)}: <{e.Name.LocalName}> is '{e.Value.Trim()}'; expected a non-negative integer");

    private static double? Real(string path, XElement? e) => e is null ? null
        : double.TryParse(e.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            ? x
            : throw new CsynthReportException($"{path}:{Line(e)}: <{e.Name.LocalName}> is '{e.Value.Trim()}'; expected a number (ns)");

    private static int Line(XElement e) => ((IXmlLineInfo)e).LineNumber;
}
