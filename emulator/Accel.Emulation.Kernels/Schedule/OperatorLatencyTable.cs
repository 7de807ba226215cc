using System.Text.Json;
using System.Text.Json.Serialization;
using Accel.Codegen.Ir;

namespace Accel.Emulation.Kernels.Schedule;

/// <summary>
/// Operator latencies per clock target, for computing pipeline depths and plain-loop body latencies. The
/// figures are estimates kept as data (operator-latencies.json, embedded); <see cref="Assumptions"/> states
/// what they rest on. A value below 1 is a combinational fraction of the usable period (chain such operators
/// and start a new cycle when the sum passes 1); 1 and above is a registered latency in cycles.
/// </summary>
public sealed class OperatorLatencyTable
{
    private const string ResourceName = "Accel.Emulation.Kernels.operator-latencies.json";

    private static readonly Lazy<OperatorLatencyTable> Embedded = new(Load);

    private readonly Dictionary<OperatorKind, TableRow[]> _rows;

    private OperatorLatencyTable(TableFile file)
    {
        Family = file.Family;
        Assumptions = file.Assumptions;
        ClocksMhz = file.ClocksMhz;
        _rows = file.Rows
            .SelectMany(r => r.Ops.Select(op => (Op: op, Row: r)))
            .GroupBy(r => r.Op)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Row).OrderBy(r => r.MaxWidth).ToArray());
        foreach (var row in file.Rows.Where(r => r.Cycles.Length != ClocksMhz.Count))
            throw new InvalidDataException($"{ResourceName}: row {string.Join("/", row.Ops)} <= {row.MaxWidth} bits has {row.Cycles.Length} values for {ClocksMhz.Count} clocks");
    }

    public static OperatorLatencyTable UltraScalePlus => Embedded.Value;

    public string Family { get; }

    public IReadOnlyList<string> Assumptions { get; }

    public IReadOnlyList<int> ClocksMhz { get; }

    /// <summary>Whether the table times <paramref name="op"/>; the others are composed by the schedule.</summary>
    public bool Times(OperatorKind op) => _rows.ContainsKey(op);

    /// <param name="widthBits">operand width; rounds up to the next tabulated row (18, 32, 64).</param>
    /// <param name="clockMhz">target clock; rounds up to the next tabulated clock.</param>
    public double Cycles(OperatorKind op, int widthBits, double clockMhz)
    {
        int column = -1;
        for (int i = 0; i < ClocksMhz.Count && column < 0; i++)
        {
            if (clockMhz <= ClocksMhz[i] + 1e-9)
                column = i;
        }
        if (clockMhz <= 0 || column < 0)
            throw new ArgumentOutOfRangeException(nameof(clockMhz), clockMhz, $"expected a clock in (0, {ClocksMhz[^1]}] MHz");
        if (!_rows.TryGetValue(op, out var rows))
            throw new ArgumentOutOfRangeException(nameof(op), op, "no latency row for this operator");
        var row = rows.FirstOrDefault(r => widthBits <= r.MaxWidth);
        if (widthBits < 1 || row is null)
            throw new ArgumentOutOfRangeException(nameof(widthBits), widthBits, $"expected 1..{rows[^1].MaxWidth} bits for {op}");
        return row.Cycles[column];
    }

    private static OperatorLatencyTable Load()
    {
        using var stream = typeof(OperatorLatencyTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"embedded resource {ResourceName} is missing");
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Converters = { new JsonStringEnumConverter() },
        };
        var file = JsonSerializer.Deserialize<TableFile>(stream, options)
            ?? throw new InvalidDataException($"{ResourceName} is empty");
        return new OperatorLatencyTable(file);
    }

    private sealed record TableFile(string Family, string[] Assumptions, int[] ClocksMhz, TableRow[] Rows);

    private sealed record TableRow(OperatorKind[] Ops, int MaxWidth, double[] Cycles);
}
