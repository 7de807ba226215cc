using Accel.Emulation.Kernels;
using Accel.Hw;
using Accel.Runtime.Emulator.Hosting;
using Accel.Codegen.Reference;

namespace Accel.Runtime.Tests.Emulator;

/// <summary>The shared host program on the emulator: outputs equal the C# reference, cycles equal the emulator's own.</summary>
public sealed class EmulatorHostProgramTests(SoftmaxXclbin xclbin) : IClassFixture<SoftmaxXclbin>
{
    private static Stimulus StimulusOf(int[] scores) =>
        new Stimulus(seed: 0).Scalar("rows", SoftmaxHostProgram.Rows).Array("scores", scores).Output<int>("probs", scores.Length);

    [Fact]
    public void Host_program_computes_the_reference_outputs_and_reports_the_emulators_cycles()
    {
        using var device = Device.Open("emu");
        var outcome = SoftmaxHostProgram.Run(device, xclbin.XclbinPath, probsBefore: -1);

        Assert.Equal(RunState.Completed, outcome.State);
        Assert.Equal((0, 1), (outcome.ScoresBank, outcome.ProbsBank));   // HBM[0] and HBM[1], as [MAxi] binds them
        Assert.Equal(outcome.Scores, outcome.ScoresReadBack);
        var design = SoftmaxXclbin.Design();
        var reference = (int[])new KernelActivator(design.Kernel, design.Config).Run(StimulusOf(outcome.Scores))["probs"];
        Assert.Equal(reference, outcome.Probs);
        Assert.Contains(outcome.Probs, p => p > 0);

        // Verify mode agrees, and finds a tampered word with its index and both values.
        var arrays = new Dictionary<string, Array> { ["probs"] = outcome.Probs };
        var verified = ReferenceCheck.Compare(design, StimulusOf(outcome.Scores), arrays);
        Assert.True(verified.Matches);
        Assert.Equal((64, 64), (verified.Matched, verified.Total));
        var tampered = (int[])outcome.Probs.Clone();
        tampered[5] ^= 1;
        var failed = ReferenceCheck.Compare(design, StimulusOf(outcome.Scores), new Dictionary<string, Array> { ["probs"] = tampered });
        Assert.False(failed.Matches);
        Assert.Equal(new Mismatch(5, $"{outcome.Probs[5]}", $"{tampered[5]}"), Assert.Single(failed.Outputs[0].FirstMismatches));

        // The per-run cycle report is the emulator's own figure for the same inputs, board and clock.
        var report = ((EmulatorRun)outcome.Run).Report;
        Assert.NotNull(report);
        var direct = KernelEmulator.Run(design.Project, design.Kernel, design.Config, StimulusOf(outcome.Scores), new KernelEmulator.Options(300, "u55c"));
        Assert.Equal(direct.Report.TotalCycles, report.TotalCycles);
        Assert.True(report.TotalCycles > SoftmaxHostProgram.Rows * SoftmaxHostProgram.RowLength, $"{report.TotalCycles} cycles");
    }

    [Fact]
    public void Host_and_device_copies_are_separate_until_synced()
    {
        using var device = xclbin.OpenEmulator();
        var kernel = device.OpenKernel("softmax");
        var buffer = kernel.AllocateBuffer<int>("probs", 4);
        buffer.Write([1, 2, 3, 4]);
        buffer.SyncToDevice();
        buffer.Map().Fill(9);                    // changes the host copy only
        var read = new int[4];
        buffer.Read(read);
        Assert.Equal([9, 9, 9, 9], read);
        buffer.SyncFromDevice();                 // the device copy still holds what was synced
        buffer.Read(read);
        Assert.Equal([1, 2, 3, 4], read);
        buffer.Read(read.AsSpan(0, 2), offset: 2);
        Assert.Equal([3, 4, 3, 4], read);
    }
}
