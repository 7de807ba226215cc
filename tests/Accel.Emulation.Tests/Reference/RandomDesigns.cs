using System.Text;
using CsCheck;

namespace Accel.Emulation.Tests.Reference;

/// <summary>A small random design with consistent traces (every FIFO is written as often as it is read).</summary>
internal sealed record RandomCase(DesignSpec Design, ProcessTrace[] Traces, int Seed)
{
    public override string ToString()
    {
        var text = new StringBuilder($"seed {Seed}, clock {Design.ClockMhz} MHz\n");
        foreach (var c in Design.Channels)
            text.Append($"  channel {c.Name}: {c.BandwidthBytesPerSecond} B/s, {c.LatencyNs} ns\n");
        foreach (var f in Design.Fifos)
            text.Append($"  fifo {f.Name}: depth {f.Depth}, latency {f.ReadLatency}, p{f.Producer} -> p{f.Consumer}\n");
        foreach (var p in Design.Ports)
            text.Append($"  port {p.Name}: owner p{p.Owner}, {p.DataWidthBits} bit, burst {p.MaxBurstBeats}, outstanding {p.MaxOutstanding}, latency {p.RequestLatencyCycles}, channel {p.Channel}, path {p.DataPath}, bundle {p.Bundle}\n");
        for (int p = 0; p < Traces.Length; p++)
            text.Append($"  p{p}: ").AppendJoin(' ', Traces[p].Ops.ToArray()).Append('\n');
        return text.ToString();
    }
}

internal static class RandomDesigns
{
    /// <summary>Sizes shrink towards fewer processes, FIFOs and ports; the seed fixes everything else.</summary>
    public static readonly Gen<RandomCase> Cases =
        Gen.Select(Gen.Int[1, 3], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 1_000_000])
            .Select(x => Build(x.Item1, x.Item2, x.Item3, x.Item4));

    private enum TokenKind { FifoRead, FifoWrite, PortRead, PortWrite }

    private readonly record struct Token(TokenKind Kind, int Index, long Address = 0, int Bytes = 0);

    public static RandomCase Build(int processes, int fifos, int ports, int seed)
    {
        var rng = new Random(seed);
        T Pick<T>(params T[] items) => items[rng.Next(items.Length)];

        var b = new DesignBuilder(Pick(100, 200, 250, 300));
        for (int p = 0; p < processes; p++)
            b.AddProcess($"p{p}");
        int channels = 1 + rng.Next(2);
        for (int c = 0; c < channels; c++)
            b.AddChannel(new MemoryChannelSpec($"ch{c}", MemoryKind.Hbm,
                Pick(4_000_000_000L, 6_400_000_000L, 12_000_000_000L, 14_400_000_000L, 19_200_000_000L), Pick(0, 30, 400)));

        var sequences = Enumerable.Range(0, processes).Select(_ => new List<List<Token>>()).ToArray();
        if (processes >= 2)
        {
            for (int f = 0; f < fifos; f++)
            {
                int producer = rng.Next(processes);
                int consumer = (producer + 1 + rng.Next(processes - 1)) % processes;
                b.AddFifo($"f{f}", depth: 1 + rng.Next(4), producer, consumer, readLatency: 1 + rng.Next(3));
                int items = rng.Next(11);
                sequences[producer].Add([.. Enumerable.Repeat(new Token(TokenKind.FifoWrite, f), items)]);
                sequences[consumer].Add([.. Enumerable.Repeat(new Token(TokenKind.FifoRead, f), items)]);
            }
        }
        for (int port = 0; port < ports; port++)
        {
            int owner = rng.Next(processes);
            int width = Pick(32, 64, 128, 256, 512), outstanding = Pick(1, 2, 4);
            int channel = rng.Next(channels);
            // A third of the ports share their channel's one data path (as bundles sharing a Zynq HP port do); half
            // share one of two m_axi bundles (their accesses in one loop are then not burst).
            b.AddPort($"m{port}", owner, channel, width, Pick(1, 2, 4, 16), outstanding, Pick(1, 3, 10, 40), rng.Next(3) == 0 ? channel : -1,
                rng.Next(2) == 0 ? rng.Next(2) : -1);
            int beatBytes = width / 8;
            for (int run = rng.Next(4); run > 0; run--)
            {
                // Elements divide the beat (or span two beats when two bursts may be outstanding).
                int bytes = outstanding >= 2 && rng.Next(4) == 0 ? 2 * beatBytes : Math.Min(beatBytes, Pick(1, 4, 8, 64));
                long start = Pick(0L, 4096 - 2 * beatBytes, 8192 - 3 * bytes, 12288 - bytes, rng.Next(64) * 64L);
                start -= start % bytes;
                var kind = rng.Next(2) == 0 ? TokenKind.PortRead : TokenKind.PortWrite;
                sequences[owner].Add([.. Enumerable.Range(0, 1 + rng.Next(12))
                    .Select(i => new Token(kind, port, start + (long)i * bytes, bytes))]);
            }
        }

        var traces = sequences.Select(s => Trace(rng, Interleave(rng, s))).ToArray();
        return new RandomCase(b.Build(), traces, seed);
    }

    /// <summary>Merges the sequences in a random order, keeping each one's own order.</summary>
    private static Queue<Token> Interleave(Random rng, List<List<Token>> sequences)
    {
        var cursors = sequences.Where(s => s.Count > 0).Select(s => new Queue<Token>(s)).ToList();
        var merged = new Queue<Token>();
        while (cursors.Count > 0)
        {
            int i = rng.Next(cursors.Count);
            merged.Enqueue(cursors[i].Dequeue());
            if (cursors[i].Count == 0)
                cursors.RemoveAt(i);
        }
        return merged;
    }

    private static ProcessTrace Trace(Random rng, Queue<Token> tokens)
    {
        var t = new TraceRecorder();
        while (tokens.Count > 0)
        {
            switch (rng.Next(4))
            {
                case 0:
                    t.Delay(rng.Next(4));
                    Emit(t, tokens.Dequeue());
                    break;
                case 1:
                    t.BeginLoop();
                    for (int k = rng.Next(1, 4); k > 0 && tokens.Count > 0; k--)
                    {
                        t.StartIteration();
                        t.Delay(rng.Next(3));
                        for (int n = rng.Next(1, 3); n > 0 && tokens.Count > 0; n--)
                            Emit(t, tokens.Dequeue());
                    }
                    t.EndLoop();
                    break;
                case 2:
                    Pipeline(rng, t, tokens);
                    break;
                default:
                    t.BeginLoop();
                    for (int k = rng.Next(1, 3); k > 0; k--)
                    {
                        t.StartIteration();
                        t.Delay(rng.Next(3));
                        Pipeline(rng, t, tokens);
                    }
                    t.EndLoop();
                    break;
            }
        }
        return t.Finish();
    }

    private static void Pipeline(Random rng, TraceRecorder t, Queue<Token> tokens)
    {
        var iterations = new List<List<Token>>();
        for (int k = rng.Next(0, 6); k > 0; k--)
        {
            var body = new List<Token>();
            for (int n = rng.Next(0, 4); n > 0 && tokens.Count > 0; n--)
                body.Add(tokens.Dequeue());
            iterations.Add(body);
        }
        bool readsPort = iterations.Any(body => body.Any(x => x.Kind == TokenKind.PortRead));
        int depth = 1 + rng.Next(6);
        t.BeginPipelinedLoop(1 + rng.Next(3), readsPort ? Math.Max(2, depth) : depth);
        foreach (var body in iterations)
        {
            t.StartIteration();
            foreach (var token in body)
                Emit(t, token);
        }
        t.EndLoop();
    }

    private static void Emit(TraceRecorder t, Token token)
    {
        switch (token.Kind)
        {
            case TokenKind.FifoRead: t.ReadFifo(token.Index); break;
            case TokenKind.FifoWrite: t.WriteFifo(token.Index); break;
            case TokenKind.PortRead: t.ReadPort(token.Index, token.Address, token.Bytes); break;
            default: t.WritePort(token.Index, token.Address, token.Bytes); break;
        }
    }
}
