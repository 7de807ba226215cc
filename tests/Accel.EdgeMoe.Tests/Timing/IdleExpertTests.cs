using Accel.Emulation.Kernels;
using Accel.Hw;
using Accel.Kernels.EdgeMoe;

namespace Accel.EdgeMoe.Tests.Timing;

/// <summary>With fewer routed tokens than experts some experts must sit idle: the emulating runner reports only
/// the ones that ran, with the token counts the kernel's direct run gives, and the ports fetch only their weights.</summary>
public sealed class IdleExpertTests
{
    private const int Tokens = 3, Dim = 16, Experts = 8, Hidden = 24;   // top-1: at most 3 of 8 experts run

    [Fact]
    public void OnlyTheExpertsThatRanAreReportedAndFetched()
    {
        var moe = KernelInstance.Create<Moe>(("tokens", Tokens), ("dim", Dim), ("experts", Experts), ("topK", 1), ("hidden", Hidden), ("tileIn", 4), ("tileOut", 8));
        var direct = Arguments(seed: 3);
        var emulated = Arguments(seed: 3);
        DirectRunner.Instance.Run(new StageCall(StageNames.Moe, 1, moe, direct));
        var runner = new EmulatingRunner(new KernelEmulator.Options());
        runner.Run(new StageCall(StageNames.Moe, 1, moe, emulated));

        var counts = (int[])direct[^1];
        var ran = runner.Stages.Single().ExpertsThatRan;
        Assert.Equal(counts.Select((tokens, expert) => (expert, tokens)).Where(e => e.tokens > 0), ran.Select(e => (e.Expert, e.Tokens)));
        Assert.InRange(ran.Count, 1, Tokens);
        Assert.Equal(2L * Hidden * Dim * ran.Count, runner.Stages.Single().Ports.Single(p => p.Name == "w1").BytesRead);
        Assert.Equal(2L * Dim * Hidden * ran.Count, runner.Stages.Single().Ports.Single(p => p.Name == "w2").BytesRead);
        for (int i = 0; i < direct.Length; i++) Assert.Equal((Array)direct[i], (Array)emulated[i]);   // y and expertTokens included
    }

    /// <summary>x, gateW, gateB, w1, b1, w2, b2, y, expertTokens in the kernel's order.</summary>
    private static object[] Arguments(int seed)
    {
        var random = new Random(seed);
        short[] Weights(int count) => Stimuli.UniformFixed(random, count, -0.25, 0.25, 14, 16).Select(v => (short)v).ToArray();
        int[] Activations(int count) => Stimuli.GaussianFixed(random, count, 1, 22);
        return [Activations(Tokens * Dim), Weights(Experts * Dim), Activations(Experts), Weights(Experts * Hidden * Dim), Activations(Experts * Hidden),
            Weights(Experts * Dim * Hidden), Activations(Experts * Dim), Activations(Tokens * Dim), new int[Experts]];
    }
}
