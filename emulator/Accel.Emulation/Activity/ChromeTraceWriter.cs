using System.Text.Json;

namespace Accel.Emulation;

/// <summary>
/// Writes an <see cref="ActivityLog"/> in the Chrome trace-event JSON format (chrome://tracing, Perfetto UI).
/// One track per process with a "run" span and its stall spans, one counter per FIFO (occupancy) and per port
/// direction (outstanding bursts), and each burst as an async span from request to completion.
/// Timestamps are microseconds at the design clock.
/// </summary>
public static class ChromeTraceWriter
{
    private const int Pid = 1;
    private const int LaneTrackBase = 1000;

    public static void Write(ActivityLog log, Stream output)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(output);
        var design = log.RequireDesign();
        double mhz = design.ClockMhz;
        double Us(long cycle) => cycle / mhz;

        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("displayTimeUnit", "ns");
        json.WriteStartObject("otherData");
        json.WriteNumber("clockMhz", mhz);
        json.WriteEndObject();
        json.WriteStartArray("traceEvents");

        Metadata(json, "process_name", 0, "Accel emulation");
        for (int p = 0; p < design.Processes.Count; p++)
            Metadata(json, "thread_name", p + 1, design.Processes[p].Name);
        for (int lane = 0; lane < design.Ports.Count * 2; lane++)
            Metadata(json, "thread_name", LaneTrackBase + lane, LaneName(design, lane));

        var burstsRequested = new long[design.Ports.Count * 2];
        var burstsCompleted = new long[design.Ports.Count * 2];
        foreach (var e in log.Events)
        {
            switch (e.Kind)
            {
                case ActivityKind.StallOnInput:
                case ActivityKind.StallOnOutput:
                    Span(json, e.Kind == ActivityKind.StallOnInput ? "stalled on input" : "stalled on output", "stall",
                        e.Subject + 1, Us(e.Cycle), Us(e.EndCycle - e.Cycle));
                    break;
                case ActivityKind.ProcessFinished:
                    Span(json, "run", "process", e.Subject + 1, 0, Us(e.Cycle));
                    break;
                case ActivityKind.BurstRequested:
                    Async(json, "b", e.Subject, burstsRequested[e.Subject]++, Us(e.Cycle), design);
                    break;
                case ActivityKind.BurstCompleted:
                    Async(json, "e", e.Subject, burstsCompleted[e.Subject]++, Us(e.Cycle), design);
                    break;
            }
        }

        var timeline = new SignalTimeline(log);
        foreach (var (cycle, signal, value) in timeline.Changes())
        {
            var s = timeline.Signals[signal];
            if (s.Kind is not (SignalKind.FifoOccupancy or SignalKind.OutstandingBursts))
                continue;
            json.WriteStartObject();
            json.WriteString("name", s.Kind == SignalKind.FifoOccupancy ? $"FIFO {s.Name}" : $"port {s.Name}");
            json.WriteString("ph", "C");
            json.WriteNumber("pid", Pid);
            json.WriteNumber("ts", Us(cycle));
            json.WriteStartObject("args");
            json.WriteNumber(s.Kind == SignalKind.FifoOccupancy ? "occupancy" : "outstanding", value);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string LaneName(DesignSpec design, int lane) =>
        $"port {design.Ports[Lanes.Port(lane)].Name} {(Lanes.IsWrite(lane) ? "writes" : "reads")}";

    private static void Metadata(Utf8JsonWriter json, string name, int tid, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", Pid);
        json.WriteNumber("tid", tid);
        json.WriteStartObject("args");
        json.WriteString("name", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Span(Utf8JsonWriter json, string name, string category, int tid, double ts, double dur)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", category);
        json.WriteString("ph", "X");
        json.WriteNumber("pid", Pid);
        json.WriteNumber("tid", tid);
        json.WriteNumber("ts", ts);
        json.WriteNumber("dur", dur);
        json.WriteEndObject();
    }

    // Bursts of a lane complete in request order, so the n-th request pairs with the n-th completion.
    private static void Async(Utf8JsonWriter json, string phase, int lane, long burst, double ts, DesignSpec design)
    {
        json.WriteStartObject();
        json.WriteString("name", Lanes.IsWrite(lane) ? "write burst" : "read burst");
        json.WriteString("cat", "memory");
        json.WriteString("ph", phase);
        json.WriteString("id", $"{lane}.{burst}");
        json.WriteNumber("pid", Pid);
        json.WriteNumber("tid", LaneTrackBase + lane);
        json.WriteNumber("ts", ts);
        json.WriteStartObject("args");
        json.WriteString("port", design.Ports[Lanes.Port(lane)].Name);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
