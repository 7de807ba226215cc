namespace Accel.Tests.Cli.Fuzz;

/// <summary>Generated kernel sources: a small valid kernel with one or two of its lines replaced by a construct
/// the transpiler rejects, code that faults at run time, or broken syntax. None loops without end (a runaway run
/// is stopped by the watchdog, which the real-process BudgetTests cover; here it would outlive the case).</summary>
internal static class BadKernelSources
{
    private const string Template = """
        using Accel.Hw;
        [Kernel("fz")]
        public sealed class Fz
        {
            [Top]
            public void Run([MAxi("g")] int[] x, int d)
            {
                for (int i = 0; i < 4; i++)
                    @BODY
            }

            [Stimulus]
            public void Stimulus(Stimulus s) => @STIMULUS;
        @EXTRA
        }
        """;

    private static readonly string[] Bodies =
    [
        "x[i] = x[i] * 3 + d;",
        "x[i] = x[i] / d;",
        "x[i + 1] = 0;",
        "{ dynamic y = x[i]; x[i] = y; }",
        "{ var o = new object(); }",
        "{ string t = \"a\"; }",
        "{ float f = 1.5f; x[i] = (int)f; }",
        "throw new System.InvalidOperationException(\"boom\");",
        "x[i] = x[i] >> 40;",
        "x[i] = checked(x[i] * int.MaxValue);",
        "x[i] = Prop;",
        "x[i] = Helper(x[i]);",
        "x = null;",
        "x[i] = x[i] +;",
        "{ goto end; end: ; }",
        "x[i] = (int)System.Math.Sqrt(x[i]);",
        "x[i] = new int[d][0];",
        "x[i] = x[-1];",
    ];

    private static readonly string[] Stimuli =
    [
        "s.Scalar(\"d\", 2).Array(\"x\", new int[] { 1, 2, 3, 4 })",
        "s.Scalar(\"d\", 0).Array(\"x\", new int[] { 1, 2, 3, 4 })",
        "s.Array(\"x\", new int[] { 1, 2, 3, 4 })",
        "s.Scalar(\"d\", 2).Array(\"x\", new int[] { 1, 2 })",
        "s.Scalar(\"d\", 2).Array(\"y\", new int[4])",
        "s.Scalar(\"d\", 2).Array(\"x\", null!)",
        "s.Scalar(\"d\", 2).Array(\"x\", new int[0])",
        "throw new System.Exception(\"stimulus failed\")",
    ];

    private static readonly string[] Extras =
    [
        "",
        "    private int Prop => 3;",
        "    private static int Helper(int v) => v + 1;",
        "    [Top] public void Other([MAxi(\"g\")] int[] y) { }",
        "}",
        "    public Fz(int n) { }",
    ];

    /// <summary>(source, verb): the verb is gen or emulate, the two that run a kernel's C# without g++.</summary>
    public static readonly Gen<(string Source, string Verb)> Cases =
        Gen.Select(Gen.OneOf(Bodies), Gen.OneOf(Stimuli), Gen.OneOf(Extras), Gen.OneOf("gen", "emulate"))
            .Where((body, stimulus, extra, _) => body != Bodies[0] || stimulus != Stimuli[0] || extra != Extras[0])   // at least one mutation
            .Select((body, stimulus, extra, verb) => (Source(body, stimulus, extra), verb));

    /// <summary>Kernel "fz" with <paramref name="body"/> as its loop's body (line 9 of the file), the stimulus
    /// <paramref name="stimulus"/> and <paramref name="extra"/> members.</summary>
    public static string Source(string body, string stimulus, string extra = "") =>
        Template.Replace("@BODY", body).Replace("@STIMULUS", stimulus).Replace("@EXTRA", extra);
}
