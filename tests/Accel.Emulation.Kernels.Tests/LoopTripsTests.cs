using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Accel.Tests.Emulation;

/// <summary>The emulator refuses a trace that cannot fit the memory budget from the trip count of a loop about to
/// begin; that count must be exact (never more than the loop runs, or a run that fits would be refused), so only
/// loops whose count C# can evaluate up front without changing anything get one.</summary>
public sealed class LoopTripsTests
{
    private static string? Trips(string loop) =>
        LoopTrips.Expression((ForStatementSyntax)SyntaxFactory.ParseStatement(loop));

    [Theory]
    [InlineData("for (int i = 0; i < n; i++) { s += i; }", "global::System.Math.Max(0L, (long)(n) - (long)(0))")]
    [InlineData("for (int i = a + 1; i <= rows * cols; i += 1) x[i] = 0;", "global::System.Math.Max(0L, (long)(rows * cols) - (long)(a + 1) + 1L)")]
    [InlineData("for (i = start; i < this.Count; ++i) { while (k < 3) { k++; break; } continue; }", "global::System.Math.Max(0L, (long)(this.Count) - (long)(start))")]
    public void ACountedLoopGetsItsTripCountAsCSharp(string loop, string expected) => Assert.Equal(expected, Trips(loop));

    [Theory]
    [InlineData("for (int i = 0; i < n; i++) { if (x[i] < 0) break; }")]            // leaves early
    [InlineData("for (int i = 0; i < n; i++) { if (x[i] < 0) return; }")]
    [InlineData("for (int i = 0; i < n; i++) { n--; }")]                            // the bound moves
    [InlineData("for (int i = 0; i < n; i++) { i += 2; }")]                         // the variable moves
    [InlineData("for (int i = 0; i < Count(); i++) { }")]                           // evaluating the bound again could change something
    [InlineData("for (int i = 0; i < x[0]; i++) { }")]
    [InlineData("for (int i = 0; i < n; i += 2) { }")]
    [InlineData("for (int i = n; i > 0; i--) { }")]
    [InlineData("for (int i = 0, j = 0; i < n; i++) { }")]
    [InlineData("for (int i = 0; i < n - i; i++) { }")]
    public void OtherLoopsGetNone(string loop) => Assert.Null(Trips(loop));
}
