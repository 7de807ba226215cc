using Accel.EdgeMoe.Model;

namespace Accel.EdgeMoe.Timing;

/// <summary>The `accel emulate m3vit --json` document. Keys named in issue 4 are a contract: cycles, clock_mhz,
/// time_ms, layers[].index, kind, kernels[].kernel, cycles, bytes_read, bytes_written, and the layer's cycles; issue 13
/// adds published (the paper's latency on the same terms, with ratio = emulated / published; null off those terms).</summary>
public static class EncoderTimingJson
{
    public static object Build(EncoderTiming t) => new
    {
        model = "m3vit",
        config = Parameters(t),
        board = t.Board,
        clock_mhz = t.ClockMhz,
        cycles = t.Cycles,
        time_ms = t.TimeMs,
        schedule = "sequential: kernels run one after another, cycles is the sum of every kernel call's cycles",
        patch_embed = Group(t.PatchEmbedding),
        layers = t.Layers.Select((calls, index) => new
        {
            index,
            kind = EncoderConfig.IsMoeLayer(index) ? "moe" : "dense",
            kernels = calls.Select(Kernel),
            cycles = calls.Sum(c => c.Cycles),
            bytes_read = calls.Sum(c => c.BytesRead),
            bytes_written = calls.Sum(c => c.BytesWritten),
        }),
        head = Group(t.Head),
        published = PublishedLatency.For(t.Config, t.Board, t.ClockMhz) is { } paper
            ? new { design = paper.Design, board = paper.Board, clock_mhz = paper.ClockMhz, latency_ms = paper.Ms, source = paper.Source, ratio = paper.Ratio(t.TimeMs) }
            : null,
    };

    private static object Group(IReadOnlyList<StageTiming> calls) => new
    {
        kernels = calls.Select(Kernel),
        cycles = calls.Sum(c => c.Cycles),
        bytes_read = calls.Sum(c => c.BytesRead),
        bytes_written = calls.Sum(c => c.BytesWritten),
    };

    private static Dictionary<string, object> Kernel(StageTiming s)
    {
        var entry = new Dictionary<string, object>
        {
            ["stage"] = s.Stage, ["kernel"] = s.Kernel, ["config"] = s.Config,
            ["cycles"] = s.Cycles, ["bytes_read"] = s.BytesRead, ["bytes_written"] = s.BytesWritten,
        };
        if (s.Stage == StageNames.Moe) entry["experts"] = s.ExpertsThatRan.Select(e => new { expert = e.Expert, tokens = e.Tokens }).ToList();
        return entry;
    }

    /// <summary>Spelled as --param takes them (and the token count they give), so a run can be repeated from its report.</summary>
    private static Dictionary<string, int> Parameters(EncoderTiming t)
    {
        var parameters = EncoderParameters.Of(t.Config, t.Task).ToDictionary(p => p.Name, p => p.Value);
        parameters["tokens"] = t.Config.Tokens;   // derived, for the reader
        return parameters;
    }
}
