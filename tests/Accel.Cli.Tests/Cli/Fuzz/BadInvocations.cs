namespace Accel.Tests.Cli.Fuzz;

/// <summary>Generated command lines: a verb, a kernel or action, and a few options drawn from valid and bad values.
/// Every case carries at least one bad value, so it is refused at parse or validation time and the suite stays
/// fast; the valid values around it make sure the bad one is found wherever it sits.</summary>
internal static class BadInvocations
{
    public static readonly string[] Verbs = ["list", "gen", "csim", "accuracy", "emulate", "bench", "omap", "demo", "run", "xclbin", "estimate", "dse", "frobnicate", ""];

    private static readonly string[] Targets = ["gelu", "softmax", "layernorm", "m3vit", "nosuchkernel", "bench", "info", "write", "", "-", "../..", "GELU", "gelu gelu", "ünïcode", new string('k', 300)];

    /// <summary>Values each option accepts: quick to run, so a case whose bad value is ignored still ends fast.</summary>
    private static readonly (string Option, string[] Values)[] Good =
    [
        ("--config", ["row16"]), ("--seed", ["0", "7"]), ("--clock", ["250", "300"]), ("--board", ["u55c", "zcu102"]),
        ("--json", []), ("--param", ["rowLength=16"]),   // not --verbose: it asks for the stack trace
    ];

    /// <summary>Values no verb accepts (or options a verb does not have); none is a valid budget or a tiny time limit.</summary>
    private static readonly (string Option, string[] Values)[] Bad =
    [
        ("--param", ["lanes=0", "lanes=abc", "=", "x", "rowLength=-1", "rowLength=99999999999999", "nosuch=1", "lanes=1,,2", ""]),
        ("--config", ["nosuch", "../..", "", "/etc"]),
        ("--seed", ["-1", "abc", "2147483648", "1.5", ""]),
        ("--clock", ["0", "-5", "NaN", "1e309", "301", "abc", "Infinity"]),
        ("--board", ["vck190", "", "U55"]),
        ("--timeout", ["0", "-1", "NaN", "abc", "Infinity", "1e300"]),
        ("--max-memory", ["1K", "abc", "-1G", "1e30G", "G", "4X", ""]),
        ("--sweep", ["lanes=1,abc", "=", "lanes=", "lanes", "nosuch=1,2"]),
        ("--part", ["xc7a35t", ""]),
        ("--jobs", ["-1", "abc"]),
        ("--source", ["no-such-file.cs", ".", "/dev/null/x.cs"]),
        ("--device", ["nonsense", "xrt:abc", "xrt:-1"]),
        ("--xclbin", ["no-such.xclbin", "."]),
        ("-n", ["0", "-16", "abc", "99999999999"]),
        ("--ops", ["0", "-1", "abc"]),
        ("--value-bytes", ["0", "7", "257"]),
        ("--alpha", ["-0.1", "2", "NaN"]),
        ("--baseline", ["nosuch"]),
        ("--no-such-option", ["1"]),
        ("---", []),
    ];

    private static Gen<string[]> Option((string Option, string[] Values)[] pool) =>
        Gen.Int[0, pool.Length - 1].SelectMany(i => pool[i].Values.Length == 0
            ? Gen.Const(new[] { pool[i].Option })
            : Gen.OneOf(pool[i].Values).Select(v => new[] { pool[i].Option, v }));

    public static readonly Gen<string[]> Cases =
        Gen.Select(Gen.OneOf(Verbs), Gen.OneOf(Targets), Option(Good).Array[0, 3], Option(Bad).Array[1, 2], Gen.Int[0, 3], Gen.Bool)
            .Select((verb, target, good, bad, at, omitTarget) =>
            {
                var options = good.Concat(bad).ToList();
                options.Insert(Math.Min(at, options.Count), bad[0]);   // the first bad option also among the good ones
                var head = omitTarget ? new[] { verb } : [verb, target];
                return head.Concat(options.Distinct().SelectMany(o => o)).ToArray();
            });
}
