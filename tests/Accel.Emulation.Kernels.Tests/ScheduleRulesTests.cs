using Accel.Emulation.Kernels.Schedule;

namespace Accel.Tests.Emulation;

/// <summary>One small kernel per scheduling rule of UG1399 the emulator applies, each with the II a hand
/// derivation from the operator latency table gives (emulator/Accel.Emulation.Kernels/Schedule/operator-latencies.json, 300 MHz
/// unless stated: integer add 0.37 cycles for 32 bits, float add 5, block RAM read 2).</summary>
public sealed class ScheduleRulesTests
{
    private const string XAndZToY = """[MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y, [MAxi("gmem0")] int[] z""";

    private const string RandomXAndZ = """
        s.Array("x", Enumerable.Range(0, n).Select(i => s.Random.Next(-1000, 1000)).ToArray())
             .Array("z", Enumerable.Range(0, n).Select(i => s.Random.Next(-1000, 1000)).ToArray()).Output<int>("y", n)
        """;

    private static LoopTiming Schedule(string body, double clockMhz = 300, string loopMarker = "// scheduled") =>
        TestKernel.Loop(TestKernel.Source("rule", "int n = 200", XAndZToY, body, RandomXAndZ), "rule", loopMarker, clockMhz);

    [Theory]
    [InlineData(300, 5)]
    [InlineData(100, 3)]
    public void AFloatAccumulatorRecursThroughTheFloatAdder(double clockMhz, int fadd)
    {
        // sum(k) = sum(k-1) + x[k]: the adder's whole latency lies on the recurrence, so II = fadd latency.
        var loop = Schedule("""
                    float sum = 0;
                    for (int i = 0; i < n; i++) // scheduled
                    {
                        Hls.Pipeline(1);
                        sum += (float)x[i];
                    }
                    y[0] = (int)sum;
            """, clockMhz: clockMhz);
        Assert.Equal(LoopKind.Pipelined, loop.Kind);
        Assert.Equal(1, loop.RequestedII);
        Assert.Equal(fadd, loop.II);
        Assert.True(loop.Unmet);
        Assert.Contains($"carried dependence through 'sum' (float add, {fadd} cycles)", loop.Reason);
    }

    [Theory]
    [InlineData("float", 3)]
    [InlineData("int", 1)]
    public void ARecurrenceThroughTwoVariablesSpreadsItsLatencyOverTwoIterations(string type, int ii)
    {
        // b(k+1) = a(k) + x (an add), a(k+1) = b(k) (a wire): neither variable feeds itself, but a feeds b and b
        // feeds a, so the add's latency comes back to a after two iterations: II >= ceil(latency / 2). A float
        // add (5 cycles) gives 3; an integer add (0.37 cycles) leaves II 1.
        var loop = Schedule($$"""
                    {{type}} a = 0, b = 0;
                    for (int i = 0; i < n; i++) // scheduled
                    {
                        Hls.Pipeline(1);
                        {{type}} t = a + ({{type}})x[i];
                        a = b;
                        b = t;
                    }
                    y[0] = (int)(a + b);
            """);
        Assert.Equal(ii, loop.II);
        if (ii > 1) Assert.Contains("carried dependence through 'a' -> 'b' -> 'a' (5 cycles over 2 iterations)", loop.Reason);
        else Assert.Null(loop.Reason);
    }

    [Fact]
    public void AnApMultiplyIsTimedAtItsOperandsWidth()
    {
        // x * z in int is a 32-bit multiply, 4 cycles at 300 MHz; on ap_int<16> operands it fits one DSP, 3 cycles.
        // Everything else is the same (FromRaw, the exact 32-bit product's Raw and the int cast are wiring), so the
        // pipelined loop is one cycle shallower.
        int Depth(string product) => Schedule($$"""
                    for (int i = 0; i < n; i++) // scheduled
                    {
                        Hls.Pipeline(1);
                        y[i] = {{product}};
                    }
            """).Depth;
        Assert.Equal(1, Depth("x[i] * z[i]") - Depth("(int)((Int<W32>)(Int<W16>.FromRaw(x[i]) * Int<W16>.FromRaw(z[i]))).Raw"));
    }

    [Fact]
    public void AnIntegerAccumulatorOfEightTermsMeetsIIOne()
    {
        // Vitis balances integer sums: the eight products are added in a tree, the carried sum meets one adder
        // (0.37 cycles). The same chain in float keeps C#'s order: eight adders of 5 cycles, II 40.
        string Body(string type) => $$"""
                    {{type}} sum = 0;
                    for (int i = 0; i + 8 <= n; i += 8) // scheduled
                    {
                        Hls.Pipeline(1);
                        for (int j = 0; j < 8; j++)
                        {
                            Hls.Unroll();
                            sum += ({{type}})x[i + j];
                        }
                    }
                    y[0] = (int)sum;
            """;
        var integer = Schedule(Body("int"));
        Assert.Equal(1, integer.II);
        Assert.Null(integer.Reason);
        Assert.Equal(40, Schedule(Body("float")).II);
    }

    [Theory]
    [InlineData(300, "", 3)]
    [InlineData(100, "", 2)]
    [InlineData(300, "Hls.Dependence(hist, carried: false);", 1)]
    public void AHistogramRecursThroughItsBlockRam(double clockMhz, string directive, int ii)
    {
        // hist[x & 15]++: read (block RAM, 2 cycles at 300 MHz, 1 at 100), add (0.29 / 0.10), write; the next
        // iteration's read may hit the same word, so II = ceil(2.29) = 3 (ceil(1.10) = 2 at 100 MHz). Asserting
        // independence, as a user may when the data allows, leaves II 1.
        var loop = Schedule($$"""
                    int[] hist = new int[16];
                    for (int i = 0; i < n; i++) // scheduled
                    {
                        Hls.Pipeline(1);
                        {{directive}}
                        hist[x[i] & 15] += 1;
                    }
                    for (int b = 0; b < 16; b++) y[b] = hist[b];
            """, clockMhz: clockMhz);
        Assert.Equal(ii, loop.II);
        if (ii > 1) Assert.Contains("carried dependence through array 'hist' (read-modify-write", loop.Reason);
    }

    [Theory]
    [InlineData("", 3)]
    [InlineData("Hls.Dependence(acc, distance: 4);", 1)]
    [InlineData("Hls.Dependence(acc, distance: 2);", 2)]
    public void ADependenceDistanceSpreadsTheRecurrenceOverThatManyIterations(string directive, int ii)
    {
        // acc[i & 3] += x[i]: word i & 3 is read again 4 iterations later, which Vitis cannot see through the
        // mask; without a directive the read-add-write (2.37 cycles) must finish within one II: 3. Told the
        // distance is 4, the chain may take 4 IIs: ceil(2.37 / 4) = 1; told 2, ceil(2.37 / 2) = 2.
        var loop = Schedule($$"""
                    int[] acc = new int[4];
                    for (int i = 0; i < n; i++) // scheduled
                    {
                        Hls.Pipeline(1);
                        {{directive}}
                        acc[i & 3] += x[i];
                    }
                    for (int b = 0; b < 4; b++) y[b] = acc[b];
            """);
        Assert.Equal(ii, loop.II);
    }

    /// <summary>buf: the first 64 words of x in a local array, shaped by <paramref name="directive"/>; written whole
    /// before any read, so it has no fill.</summary>
    private static string CopyOfX(string directive) => $"""
                    int[] buf = new int[64];
                    {directive}
                    for (int i = 0; i < 64; i++) buf[i] = x[i];
        """;

    [Theory]
    [InlineData("", 2)]
    [InlineData("Hls.ArrayPartition(buf, PartitionKind.Complete);", 1)]
    public void ThreeReadsOfOneBlockRamNeedTwoCyclesOfItsTwoPorts(string partition, int ii)
    {
        // buf[i], buf[i+1], buf[i+2]: three accesses, one bank of two ports: II = ceil(3 / 2) = 2. Completely
        // partitioned, buf is registers: no port limit.
        var loop = Schedule($$"""
            {{CopyOfX(partition)}}
                    for (int i = 0; i < 62; i++) // scheduled
                    {
                        Hls.Pipeline(1);
                        y[i] = buf[i] + buf[i + 1] + buf[i + 2];
                    }
            """);
        Assert.Equal(ii, loop.II);
        if (ii > 1) Assert.Contains("limited memory ports on 'buf' (3 accesses per iteration, 1 bank of 2 ports)", loop.Reason);
    }

    [Theory]
    [InlineData("", 4, "8 accesses per iteration, 1 bank of 2 ports")]
    [InlineData("Hls.ArrayReshape(buf, PartitionKind.Cyclic, 8);", 1, null)]
    [InlineData("Hls.ArrayReshape(buf, PartitionKind.Cyclic, 4);", 1, null)]
    [InlineData("Hls.ArrayReshape(buf, PartitionKind.Cyclic, 2);", 2, "4 accesses per iteration, 1 bank of 2 ports")]
    [InlineData("Hls.ArrayReshape(buf, PartitionKind.Block, 8);", 4, "8 accesses per iteration, 1 bank of 2 ports")]
    [InlineData("Hls.ArrayReshape(buf, PartitionKind.Complete);", 1, null)]
    [InlineData("Hls.ArrayPartition(buf, PartitionKind.Cyclic, 2);", 2, "8 accesses per iteration, 2 banks of 2 ports")]
    public void AReshapedArrayReadsTheElementsOfAWordInOneAccess(string directive, int ii, string? reason)
    {
        // buf[8k] .. buf[8k + 7] in one iteration, 64 words. As written: eight reads of one bank of two ports, II 4.
        // A cyclic reshape by f holds elements f w .. f w + f - 1 in word w: by 8 (or 4) the eight elements are one
        // (or two) words, one read each, II 1; by 2 they are four words on two ports, II 2, as a cyclic partition
        // by 2 gives (four reads on each of two banks). A block reshape by 8 puts elements 8 apart in one word,
        // so the eight neighbours are in eight words: II 4. A complete reshape is one word, registers: II 1.
        var loop = Schedule($$"""
            {{CopyOfX(directive)}}
                    for (int k = 0; k < 8; k++) // scheduled
                    {
                        Hls.Pipeline(1);
                        int sum = 0;
                        for (int j = 0; j < 8; j++)
                        {
                            Hls.Unroll();
                            sum += buf[8 * k + j];
                        }
                        y[k] = sum;
                    }
            """);
        Assert.Equal(ii, loop.II);
        if (reason is null) Assert.Null(loop.Reason);
        else Assert.Contains($"limited memory ports on 'buf' ({reason})", loop.Reason);
    }

    [Fact]
    public void APipelinedLoopUnrolledByFourIssuesFourIterationsAtOnce()
    {
        // Unroll(4) on a pipelined loop: Vitis unrolls by 4, then pipelines, so an issue runs buf[i] .. buf[i + 3]:
        // four reads of one bank of two ports, II 2; partitioned cyclic by 4 each read has its own bank, II 1. The
        // 64 iterations are 16 issues, so the two designs differ by (16 - 1) x (2 - 1) = 15 cycles (63 if each
        // iteration were an issue); nothing else differs (buf is written whole before it is read: no fill).
        KernelEmulator.Result Run(string partition) => KernelRuns.EmulateSource(TestKernel.Source("rule", "int n = 64", TestKernel.XToY, $$"""
            {{CopyOfX(partition)}}
                    for (int i = 0; i < 64; i++)
                    {
                        Hls.Pipeline(1);
                        Hls.Unroll(4);
                        y[i] = buf[i] * 3;
                    }
            """, TestKernel.RandomX), "rule");
        var oneBank = Run("");
        var fourBanks = Run("Hls.ArrayPartition(buf, PartitionKind.Cyclic, 4);");
        LoopTiming Unrolled(KernelEmulator.Result r) => r.Timing.Loops.Values.Single(l => l.Kind == LoopKind.Pipelined && l.UnrollFactor == 4);
        Assert.Equal(2, Unrolled(oneBank).II);
        Assert.Contains("limited memory ports on 'buf' (4 accesses per iteration, 1 bank of 2 ports)", Unrolled(oneBank).Reason);
        Assert.Equal(1, Unrolled(fourBanks).II);
        Assert.Equal(15, oneBank.Report.TotalCycles - fourBanks.Report.TotalCycles);
    }

    [Fact]
    public void AFloatSumUnrolledByTwoChainsTwoAddsAnIssue()
    {
        // Unrolled by 2 and pipelined, an issue adds two terms to sum one after the other (C#'s order, kept for
        // floats): the carried chain is two float adds, 2 x 5 = 10 cycles at 300 MHz.
        var loop = Schedule("""
                    float sum = 0;
                    for (int i = 0; i < n; i++) // scheduled
                    {
                        Hls.Pipeline(1);
                        Hls.Unroll(2);
                        sum += (float)x[i];
                    }
                    y[0] = (int)sum;
            """);
        Assert.Equal(10, loop.II);
        Assert.Contains("carried dependence through 'sum'", loop.Reason);
    }

    [Fact]
    public void TwoPortsOnOneBundleShareItsReadChannel()
    {
        // x and z are both on gmem0: one read channel, two beats per iteration, II 2.
        var loop = Schedule("""
                    for (int i = 0; i < n; i++) // scheduled
                    {
                        Hls.Pipeline(1);
                        y[i] = x[i] + z[i];
                    }
            """);
        Assert.Equal(2, loop.II);
        Assert.Contains("m_axi bundle 'gmem0' is shared by 'x', 'z': 2 read beats per iteration", loop.Reason);
    }

    [Theory]
    [InlineData("x[i] + x[i + 100]", 2)]
    [InlineData("x[2 * i] + x[2 * i + 1]", 1)]
    public void SeveralBeatsOfOnePortAnIterationAreWarnedAboutNotCharged(string sum, int beats)
    {
        // x alone on gmem0's read channel: x[i] and x[i + 100] lie 400 bytes apart, two beats of 64 bytes an
        // iteration, which Vitis would schedule as two bus requests on one channel (II >= 2) unless it coalesces
        // them. The emulator keeps II 1 (the rule, applied, moved attention 30x: README, "Not applied yet") and
        // says so as a warning, not as an unmet directive. x[2i] and x[2i + 1] are neighbours: 8 bytes, one beat,
        // nothing to say.
        var result = KernelRuns.EmulateSource(TestKernel.Source("rule", "int n = 200", TestKernel.XToY, $$"""
                    for (int i = 0; i < 100; i++)
                    {
                        Hls.Pipeline(1);
                        y[i] = {{sum}};
                    }
            """, """s.Array("x", Enumerable.Range(0, n).ToArray()).Output<int>("y", 100)"""), "rule");
        var loop = result.Timing.Loops.Values.Single();
        Assert.Equal(1, loop.II);
        Assert.False(loop.Unmet);
        Assert.Equal(beats > 1, loop.Caution);
        Assert.Equal(beats > 1, ScheduleReport.Warnings(result.Timing).Any(w => w.Contains("m_axi port 'x' (bundle 'gmem0') is read 2 times per iteration, 2 beats")));
        Assert.Equal(beats > 1, ScheduleReport.Text("rule", "default", result.Timing).Contains("WARNING: loop"));
        if (beats > 1) Assert.Contains("the emulator keeps the II and times the beats at run time", loop.Reason);
        else Assert.Null(loop.Reason);
    }

    [Fact]
    public void AVariableBoundLoopInsideAPipelineIsReportedAndTheInnerLoopIsPipelined()
    {
        // Vitis cannot unroll `j < x[i]`, so the outer II=1 cannot be honoured; the inner loop is innermost and
        // pipelined by default instead.
        string body = """
                    for (int i = 0; i < 8; i++) // scheduled
                    {
                        Hls.Pipeline(1);
                        int count = x[i] & 7;
                        int acc = 0;
                        for (int j = 0; j < count; j++) acc += j; // inner
                        y[i] = acc;
                    }
            """;
        var outer = Schedule(body);
        Assert.Equal(LoopKind.Sequential, outer.Kind);
        Assert.True(outer.Unmet);
        Assert.Contains("not pipelined", outer.Reason);
        var inner = Schedule(body, loopMarker: "// inner");
        Assert.Equal(LoopKind.Pipelined, inner.Kind);
        Assert.True(inner.AutoPipelined);
    }

    [Theory]
    [InlineData(100, LoopKind.Pipelined)]
    [InlineData(64, LoopKind.Sequential)]
    public void InnermostLoopsOfMoreThan64IterationsArePipelinedWithoutADirective(int trips, LoopKind kind)
    {
        // config_compile -pipeline_loops 64, Vitis's default: more than 64 iterations, pipelined at II 1.
        var loop = Schedule($$"""
                    for (int i = 0; i < {{trips}}; i++) // scheduled
                        y[i] = x[i] + 1;
            """);
        Assert.Equal(kind, loop.Kind);
        Assert.Equal(kind == LoopKind.Pipelined, loop.AutoPipelined);
        Assert.False(loop.Unmet); // nothing was asked, so nothing is unmet
    }

    [Fact]
    public void APartialUnrollRunsFourIterationsPerPassOfTheBody()
    {
        var loop = Schedule("""
                    for (int i = 0; i < 64; i++) // scheduled
                    {
                        Hls.Unroll(4);
                        y[i] = x[i] + 1;
                    }
            """);
        Assert.Equal(LoopKind.Sequential, loop.Kind);
        Assert.Equal(4, loop.UnrollFactor);
        Assert.Contains("unrolled by 4", loop.Reason);
    }

    [Fact]
    public void AnUnrolledBodyTooLargeToWalkIsSaidSoNotWalkedForever()
    {
        // 3,000 x 3,000 unrolled copies are 9 M statements per walk: the analysis stops at its budget and says so.
        var loop = Schedule("""
                    int acc = 0;
                    for (int i = 0; i < 2; i++) // scheduled
                    {
                        Hls.Pipeline(1);
                        for (int a = 0; a < 3000; a++)
                        {
                            Hls.Unroll();
                            for (int b = 0; b < 3000; b++)
                            {
                                Hls.Unroll();
                                acc += a ^ b;
                            }
                        }
                    }
                    y[0] = acc;
            """);
        Assert.Equal(LoopKind.Pipelined, loop.Kind);
        Assert.Contains("too large to analyse whole", loop.Reason);
    }

    [Fact]
    public void AnEarlyExitOnDataWaitsForTheReadThatDecidesIt()
    {
        // The exit test needs x[i]: the port's request latency plus the beat and its register (latency + 2),
        // then a compare; the next iteration issues only once the exit is decided.
        var loop = Schedule("""
                    int found = -1;
                    for (int i = 0; i < n; i++) // scheduled
                    {
                        Hls.Pipeline(1);
                        if (x[i] == 7) { found = i; break; }
                    }
                    y[0] = found;
            """);
        Assert.True(loop.II > 2, $"II {loop.II}");
        Assert.Contains("early exit", loop.Reason);
    }

    [Fact]
    public void AStatementInADataflowRegionThatIsNotAProcessCallIsReported()
    {
        // The statement is `int rows = n * 2;`, the third of the top's body: line 13 of the file.
        var result = KernelRuns.EmulateSource(TestKernel.Source("flow", "int n = 16", TestKernel.XToY, """
                    Hls.Dataflow();
                    var s = new Stream<int>(4);
                    int rows = n * 2;
                    Produce(x, s);
                    Consume(s, y);
            """, TestKernel.CountingX, """
                void Produce(int[] x, Stream<int> s)
                {
                    for (int i = 0; i < n; i++) { Hls.Pipeline(1); s.Write(x[i]); }
                }

                void Consume(Stream<int> s, int[] y)
                {
                    for (int i = 0; i < n; i++) { Hls.Pipeline(1); y[i] = s.Read(); }
                }
            """), "flow");
        var finding = Assert.Single(result.Timing.Findings);
        Assert.Matches(@"^non-canonical dataflow in Run: the statement at accel-rule-\w+\.cs:13 ", finding);
    }

    /// <summary>A dataflow process filling buf with three times x, a word a cycle.</summary>
    private const string ProduceTimesThree = """
            void Produce(int[] x, int[] buf)
            {
                for (int i = 0; i < n; i++) { Hls.Pipeline(1); buf[i] = x[i] * 3; }
            }

        """;

    [Fact]
    public void AnArrayHandedFromOneDataflowProcessToTheNextIsAPingPongBuffer()
    {
        // Produce fills buf (256 words, one a cycle) and Consume reads it back: Vitis makes buf a ping-pong
        // buffer, so Consume starts only once Produce has finished, and ends at least 255 cycles later.
        var result = KernelRuns.EmulateSource(TestKernel.Source("pipo", "int n = 256", TestKernel.XToY, """
                    Hls.Dataflow();
                    int[] buf = new int[256];
                    Produce(x, buf);
                    Consume(buf, y);
            """, TestKernel.CountingX, ProduceTimesThree + """
                void Consume(int[] buf, int[] y)
                {
                    for (int i = 0; i < n; i++) { Hls.Pipeline(1); y[i] = buf[n - 1 - i] + 1; }
                }
            """), "pipo");
        var producer = result.Report.Processes.Single(p => p.Name.EndsWith("Produce", StringComparison.Ordinal));
        var consumer = result.Report.Processes.Single(p => p.Name.EndsWith("Consume", StringComparison.Ordinal));
        Assert.True(consumer.FinishCycle >= producer.FinishCycle + 255, $"producer ends at {producer.FinishCycle}, consumer at {consumer.FinishCycle}");
        Assert.Contains(result.Report.Fifos, f => f.Name == "buf (ping-pong)" && f.Writes == 1 && f.Reads == 1);
    }

    [Fact]
    public void OnlyCallsOfKernelFunctionsAreDataflowProcesses()
    {
        // The top writes a stream itself before the calls (non-canonical, run in the top's own process): the
        // processes are still Produce (0) and Consume (1), numbered as the ping-pong buffer between them is, so
        // Consume waits for Produce's whole block (at least 255 cycles after it starts).
        var result = KernelRuns.EmulateSource(TestKernel.Source("flow", "int n = 256", TestKernel.XToY, """
                    Hls.Dataflow();
                    int[] buf = new int[256];
                    var offset = new Stream<int>(2);
                    offset.Write(1);
                    Produce(x, buf);
                    Consume(buf, offset, y);
            """, TestKernel.CountingX, ProduceTimesThree + """
                void Consume(int[] buf, Stream<int> offset, int[] y)
                {
                    int k = offset.Read();
                    for (int i = 0; i < n; i++) { Hls.Pipeline(1); y[i] = buf[n - 1 - i] + k; }
                }
            """), "flow");
        Assert.Equal(["0:Produce", "1:Consume"], result.Report.Processes.Skip(1).Select(p => p.Name));
        var producer = result.Report.Processes[1];
        var consumer = result.Report.Processes[2];
        Assert.True(consumer.FinishCycle >= producer.FinishCycle + 255, $"producer ends at {producer.FinishCycle}, consumer at {consumer.FinishCycle}");
        Assert.Equal(Enumerable.Range(0, 256).Select(i => (255 - i) * 3 + 1), result.Outputs["y"].Cast<int>());
    }

    /// <summary>Mac is line 17 of the file, its loop line 21: the findings below name them.</summary>
    private static string FunctionPipelineKernel(string bound) => TestKernel.Source("fnpipe", "int n = 16", TestKernel.XToY + ", int rows", """
                for (int r = 0; r < rows; r++)
                {
                    y[r] = Mac(x[r], r);
                }
        """, """s.Scalar("rows", 100).Array("x", Enumerable.Range(0, 100).ToArray()).Output<int>("y", 100)""", $$"""
            int Mac(int a, int b)
            {
                Hls.Pipeline(1);
                int s = 0;
                for (int k = 0; k < {{bound}}; k++) s += a * k + b;
                return s;
            }
        """);

    [Fact]
    public void AFunctionPipelinedAsAWholeUnrollsItsLoops()
    {
        // Hls.Pipeline outside any loop pipelines Mac as a whole: Vitis unrolls its loop, whose 16 copies run side
        // by side, so a call costs one copy: a * k, a 32-bit multiply (4 cycles at 300 MHz), then + b and s + ...,
        // two 32-bit adds (0.37 each) = 4.74 cycles. The caller's sequential loop: ceil(4.74) + 1 cycle of loop
        // control = 6 cycles an iteration (as written, 16 iterations of ceil(4.74) + 1 = 96).
        var result = KernelRuns.EmulateSource(FunctionPipelineKernel("n"), "fnpipe");
        var mac = result.Timing.Loops.Values.Single(l => l.Function == "Mac");
        var caller = result.Timing.Loops.Values.Single(l => l.Function == "Run");
        Assert.Equal(LoopKind.Unrolled, mac.Kind);
        Assert.Contains("Mac is pipelined as a whole (Hls.Pipeline outside any loop)", mac.Reason);
        Assert.Equal(LoopKind.Sequential, caller.Kind);
        Assert.Equal(6, caller.BodyCycles);
        Assert.Empty(result.Timing.Findings);
        Assert.Equal(Enumerable.Range(0, 100).Select(r => Enumerable.Range(0, 16).Sum(k => r * k + r)), result.Outputs["y"].Cast<int>());
    }

    [Fact]
    public void AFunctionPipelineOverALoopWithNoConstantTripCountIsReported()
    {
        // k < a % 8: the trip count is data, so the loop cannot be unrolled and the directive is not honoured; the
        // loop is timed as written: innermost with an unknown count, so pipelined automatically (II 1).
        var result = KernelRuns.EmulateSource(FunctionPipelineKernel("a % 8"), "fnpipe");
        var finding = Assert.Single(result.Timing.Findings);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(finding, @"^Mac at accel-rule-\w+\.cs:17: II=1 requested for the whole function, not pipelined: the loop at accel-rule-\w+\.cs:21 has no constant trip count"), finding);
        var mac = result.Timing.Loops.Values.Single(l => l.Function == "Mac");
        Assert.Equal((LoopKind.Pipelined, true), (mac.Kind, mac.AutoPipelined));
    }
}
