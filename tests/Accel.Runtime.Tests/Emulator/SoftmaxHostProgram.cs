namespace Accel.Runtime.Tests.Emulator;

/// <summary>
/// One host program, written once against the device API, that both backends run: load the design, open
/// softmax, allocate a buffer per argument in its bank, write, sync, set arguments by name, start, wait,
/// sync back, read. The emulator computes the probabilities; XRT's noop driver completes the run without
/// computing, which the callers assert differently.
/// </summary>
internal static class SoftmaxHostProgram
{
    public const string Kernel = "softmax";
    public const string Config = "row16";
    public const int RowLength = 16;
    public const int Rows = 4;

    /// <summary>What the program wrote and read back.</summary>
    public sealed record Outcome(int[] Scores, int[] Probs, int[] ScoresReadBack, int ScoresBank, int ProbsBank, RunState State, IRun Run);

    /// <summary>Scores of a few distinct rows in Q.22 (actIntBits = 10): small integers and halves.</summary>
    public static int[] Scores() => Enumerable.Range(0, Rows * RowLength).Select(i => (i % 7 - 3) * (1 << 21) + i * 977).ToArray();

    /// <param name="probsBefore">what the host writes into the output buffer before the run (noop leaves it there)</param>
    public static Outcome Run(IDevice device, string xclbin, int probsBefore = 0)
    {
        device.Load(xclbin);
        var kernel = device.OpenKernel(Kernel);
        var scores = kernel.AllocateBuffer<int>("scores", Rows * RowLength);
        var probs = kernel.AllocateBuffer<int>("probs", Rows * RowLength);

        var input = Scores();
        scores.Write(input);
        scores.SyncToDevice();
        probs.Map().Fill(probsBefore);
        probs.SyncToDevice();

        var run = kernel.CreateRun();
        run.SetArgument("scores", scores);
        run.SetArgument("probs", probs);
        run.SetArgument("rows", Rows);
        run.Start();
        run.Wait(TimeSpan.FromSeconds(60));

        probs.SyncFromDevice();
        var output = new int[Rows * RowLength];
        probs.Read(output);
        scores.SyncFromDevice();
        var scoresBack = new int[Rows * RowLength];
        scores.Read(scoresBack);
        return new Outcome(input, output, scoresBack, scores.BankIndex, probs.BankIndex, run.State, run);
    }
}
