using Accel.Codegen.Ir;
using System.Reflection;
using System.Text.Json;

namespace Accel.Resources;

/// <summary>The operator cost table written by scripts/yosys/calibrate.sh (operator-costs.json, embedded in this
/// assembly). A request is answered by the smallest calibrated entry at least as wide in every width, so an
/// operator between two calibrated widths costs as the wider one: the estimate leans high, never low.</summary>
public sealed class OperatorCostTable
{
    public const string ResourceName = "Accel.Resources.operator-costs.json";

    private static readonly Lazy<OperatorCostTable> Embedded = new(() =>
    {
        using var stream = typeof(OperatorCostTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from {typeof(OperatorCostTable).Assembly.GetName().Name}");
        return Read(stream, ResourceName);
    });

    private readonly Dictionary<string, List<OperatorCost>> byOp;

    public string YosysVersion { get; }
    public string Command { get; }
    public IReadOnlyList<OperatorCost> Entries { get; }

    private OperatorCostTable(string yosysVersion, string command, IReadOnlyList<OperatorCost> entries)
    {
        YosysVersion = yosysVersion;
        Command = command;
        Entries = entries;
        byOp = entries.GroupBy(e => e.Op).ToDictionary(g => g.Key, g => g.OrderBy(e => e.A + e.B).ThenBy(e => e.Out).ToList());
    }

    /// <summary>The table calibrated for this build.</summary>
    public static OperatorCostTable Default => Embedded.Value;

    public static OperatorCostTable Read(Stream json, string origin)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string Text(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new InvalidDataException($"{origin}: expected a string '{key}'");
        long Number(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetInt64()
            : throw new InvalidDataException($"{origin}: operator {e}: expected a number '{key}'");

        if (!root.TryGetProperty("operators", out var operators) || operators.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{origin}: expected an array 'operators'");
        var entries = operators.EnumerateArray().Select(e => new OperatorCost(Text(e, "op"),
            (int)Number(e, "a"), (int)Number(e, "b"), (int)Number(e, "out"),
            Number(e, "lut"), Number(e, "ff"), Number(e, "dsp"), Number(e, "carry"), Number(e, "muxf"))).ToList();
        return new OperatorCostTable(Text(root, "yosys"), Text(root, "command"), entries);
    }

    public bool TryFind(OperatorKind kind, int a, int b, int @out, out OperatorCost cost)
    {
        cost = null!;
        if (!byOp.TryGetValue(kind.TableName(), out var candidates)) return false;
        // Multipliers are calibrated with the wider operand first.
        if (kind == OperatorKind.Mul && b > a) (a, b) = (b, a);
        var found = candidates.FirstOrDefault(c => c.Covers(a, b, @out));
        if (found is null) return false;
        cost = found;
        return true;
    }

    public OperatorCost Find(OperatorKind kind, int a, int b, int @out) =>
        TryFind(kind, a, b, @out, out var cost)
            ? cost
            : throw new InvalidOperationException(
                $"operator-costs.json has no '{kind.TableName()}' entry covering a={a} b={b} out={@out}; rerun scripts/yosys/calibrate.sh with that width");
}
