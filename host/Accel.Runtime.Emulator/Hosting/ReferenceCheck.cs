using Accel.Runtime.Devices;
using System.Globalization;
using Accel.Codegen.Backends.Hls;
using Accel.Codegen.Frontend;
using Accel.Hw;
using Accel.Runtime.Emulator.Designs;
using Accel.Codegen.Reference;

namespace Accel.Runtime.Emulator.Hosting;

/// <summary>One differing element: its index and both values as text.</summary>
public sealed record Mismatch(int Index, string Expected, string Actual);

/// <summary>How one output argument compared with the reference.</summary>
public sealed record OutputComparison(string Name, int Elements, int Mismatches, IReadOnlyList<Mismatch> FirstMismatches)
{
    public bool Matches => Mismatches == 0;
}

/// <summary>The verdict over every output the kernel writes.</summary>
public sealed record VerifyReport(IReadOnlyList<OutputComparison> Outputs)
{
    public bool Matches => Outputs.All(o => o.Matches);
    public int Total => Outputs.Sum(o => o.Elements);
    public int Matched => Total - Outputs.Sum(o => o.Mismatches);
}

/// <summary>
/// Verify mode: runs the kernel's C# reference (<see cref="KernelActivator"/>) on the same stimulus the device
/// got and compares every output the kernel writes, bit for bit per element, keeping the first five mismatches.
/// </summary>
public static class ReferenceCheck
{
    public const int MismatchesShown = 5;

    public static VerifyReport Compare(KernelDesign design, Stimulus stimulus, IReadOnlyDictionary<string, Array> deviceArrays)
    {
        var reference = new KernelActivator(design.Kernel, design.Config).Run(stimulus);
        var outputs = design.Outputs
            .Select(p => Compare(p.Name, BoardLayout.Of(reference[p.Name]), // as the device's buffers hold it
                deviceArrays.TryGetValue(p.Name, out var actual) ? actual : throw new DeviceArgumentException($"the device returned no array '{p.Name}'")))
            .ToList();
        return new VerifyReport(outputs);
    }

    public static OutputComparison Compare(string name, Array expected, Array actual)
    {
        if (expected.GetType() != actual.GetType() || expected.Length != actual.Length)
            throw new DeviceArgumentException($"output '{name}': the device returned {actual.Length} x {actual.GetType().GetElementType()?.Name}, " +
                                        $"the reference {expected.Length} x {expected.GetType().GetElementType()?.Name}");
        var expectedBytes = GoldenVectors.Bytes(expected);
        var actualBytes = GoldenVectors.Bytes(actual);
        var width = expected.Length == 0 ? 0 : expectedBytes.Length / expected.Length;
        var shown = new List<Mismatch>();
        var mismatches = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            if (expectedBytes.AsSpan(i * width, width).SequenceEqual(actualBytes.AsSpan(i * width, width)))
                continue;
            if (mismatches++ < MismatchesShown)
                shown.Add(new Mismatch(i, Text(expected.GetValue(i)), Text(actual.GetValue(i))));
        }
        return new OutputComparison(name, expected.Length, mismatches, shown);
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
