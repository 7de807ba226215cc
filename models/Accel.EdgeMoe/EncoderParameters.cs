using Accel.Codegen.Frontend;

namespace Accel.EdgeMoe;

/// <summary>An encoder configuration from a named preset and name=value overrides, as `accel emulate m3vit` takes
/// them, checked so that every kernel of the composition accepts it; errors name the parameter and what was
/// expected (KernelParameterException: exit code 2).</summary>
public static class EncoderParameters
{
    public const string ReferenceName = "reference", SmallName = "small";

    /// <summary>The parameter names, their bounds (the kernels' own ranges) and where each lives in the configuration.
    /// "dim" is heads x headDim: setting it sets headDim. "task" picks the task head and gates.</summary>
    private static readonly (string Name, int Min, int Max, Func<EncoderConfig, int, int> Get, Func<EncoderConfig, int, int, (EncoderConfig, int)> Set)[] Table =
    [
        ("layers", 1, 48, (c, _) => c.Layers, (c, t, v) => (c with { Layers = v }, t)),
        ("channels", 1, 16, (c, _) => c.Channels, (c, t, v) => (c with { Channels = v }, t)),
        ("height", 1, 4096, (c, _) => c.Height, (c, t, v) => (c with { Height = v }, t)),
        ("width", 1, 4096, (c, _) => c.Width, (c, t, v) => (c with { Width = v }, t)),
        ("patch", 1, 64, (c, _) => c.Patch, (c, t, v) => (c with { Patch = v }, t)),
        ("heads", 1, 64, (c, _) => c.Heads, (c, t, v) => (c with { Heads = v }, t)),
        ("headDim", 1, 512, (c, _) => c.HeadDim, (c, t, v) => (c with { HeadDim = v }, t)),
        ("dim", 1, 4096, (c, _) => c.Dim, (c, t, v) => (c with { HeadDim = v / c.Heads }, t)),
        ("mlpHidden", 1, 4096, (c, _) => c.MlpHidden, (c, t, v) => (c with { MlpHidden = v }, t)),
        ("experts", 1, 64, (c, _) => c.Experts, (c, t, v) => (c with { Experts = v }, t)),
        ("topK", 1, 8, (c, _) => c.TopK, (c, t, v) => (c with { TopK = v }, t)),
        ("expertHidden", 1, 4096, (c, _) => c.ExpertHidden, (c, t, v) => (c with { ExpertHidden = v }, t)),
        ("tasks", 1, 8, (c, _) => c.Tasks, (c, t, v) => (c with { Tasks = v }, t)),
        ("headOut", 1, 4096, (c, _) => c.HeadOut, (c, t, v) => (c with { HeadOut = v }, t)),
        ("slots", 1, 64, (c, _) => c.Slots, (c, t, v) => (c with { Slots = v }, t)),
        ("lanes", 1, 64, (c, _) => c.Lanes, (c, t, v) => (c with { Lanes = v }, t)),      // attention: elements per beat
        ("tileIn", 1, 64, (c, _) => c.TileIn, (c, t, v) => (c with { TileIn = v }, t)),    // the linear unit's tile
        ("tileOut", 1, 64, (c, _) => c.TileOut, (c, t, v) => (c with { TileOut = v }, t)),
        ("task", 0, 7, (_, t) => t, (c, _, v) => (c, v)),
    ];

    public static IEnumerable<string> Names => Table.Select(p => p.Name);

    /// <summary>Every parameter with its value, in the table's order (for reports).</summary>
    public static IEnumerable<(string Name, int Value)> Of(EncoderConfig config, int task) => Table.Select(p => (p.Name, p.Get(config, task)));

    public static (EncoderConfig Config, int Task) Resolve(string? preset, IEnumerable<string> assignments)
    {
        var config = preset switch
        {
            null or ReferenceName => EncoderConfig.Reference,
            SmallName => EncoderConfig.Small,
            _ => throw new KernelParameterException($"m3vit has no configuration '{preset}'; configurations: {ReferenceName}, {SmallName}"),
        };
        var given = Parse(assignments);
        int task = 0;
        foreach (var p in Table)   // in table order, so heads is set before dim is divided by it
            if (given.TryGetValue(p.Name, out int value)) (config, task) = p.Set(config, task, value);
        if (given.TryGetValue("dim", out int dim))
        {
            if (dim % config.Heads != 0)
                throw new KernelParameterException($"--param dim = {dim} is invalid; expected a multiple of heads ({config.Heads}): dim is heads x headDim");
            if (given.TryGetValue("headDim", out int headDim) && headDim * config.Heads != dim)
                throw new KernelParameterException($"--param dim = {dim} disagrees with heads x headDim = {config.Heads} x {headDim}; give one of dim and headDim");
        }
        Check(config, task);
        return (config, task);
    }

    private static Dictionary<string, int> Parse(IEnumerable<string> assignments)
    {
        var given = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var parts = assignment.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
                throw new KernelParameterException($"--param: '{assignment}' is not of the form name=value");
            if (parts[0] == "tokens")
                throw new KernelParameterException("--param tokens: the token count follows from the image; set height, width and patch ((height/patch) x (width/patch) patches + 1 class token)");
            var p = Table.FirstOrDefault(p => p.Name == parts[0]);
            if (p.Name is null)
                throw new KernelParameterException($"--param: m3vit has no parameter '{parts[0]}'; parameters: {string.Join(", ", Names)}");
            if (!int.TryParse(parts[1], out int value) || value < p.Min || value > p.Max)
                throw new KernelParameterException($"--param {p.Name} = '{parts[1]}' is invalid; expected an integer in [{p.Min}, {p.Max}]");
            given[p.Name] = value;
        }
        return given;
    }

    /// <summary>The constraints between parameters, which no single range can state.</summary>
    private static void Check(EncoderConfig c, int task)
    {
        if (c.Height % c.Patch != 0 || c.Width % c.Patch != 0)
            throw new KernelParameterException($"--param patch = {c.Patch} is invalid; expected a divisor of height ({c.Height}) and width ({c.Width}), so no pixels are dropped");
        if (c.Tokens > 4096)
            throw new KernelParameterException($"--param height/width/patch give {c.Tokens} tokens; expected at most 4096");
        if (c.Dim > 4096)
            throw new KernelParameterException($"--param heads x headDim = {c.Dim}; expected at most 4096");
        if (c.TopK > c.Experts)
            throw new KernelParameterException($"--param topK = {c.TopK} is invalid; expected at most experts ({c.Experts})");
        if (task >= c.Tasks)
            throw new KernelParameterException($"--param task = {task} is invalid; expected a task in [0, {c.Tasks - 1}] (tasks = {c.Tasks})");
    }
}
