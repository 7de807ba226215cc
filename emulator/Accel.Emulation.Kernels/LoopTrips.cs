using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Accel.Emulation.Kernels;

/// <summary>The trip count of a counted loop, as C# the rewritten kernel evaluates as the loop begins: for
/// `for (int i = start; i &lt; bound; i++)` (or `&lt;=`, `++i`, `i += 1`) whose start and bound are plain values
/// (names, constants, member reads, arithmetic: evaluating them again changes nothing), the body neither leaves
/// the loop early (break, return, goto, throw) nor assigns the variable or a name of the bound. Then the loop runs
/// exactly that many iterations, each of which the trace records: what the emulator's trace will need at least.</summary>
internal static class LoopTrips
{
    /// <returns>a C# expression of type long, or null when the loop is not of that form</returns>
    public static string? Expression(ForStatementSyntax loop)
    {
        if (Variable(loop) is not var (name, start)) return null;
        if (loop.Condition is not BinaryExpressionSyntax { Left: IdentifierNameSyntax left } condition || left.Identifier.Text != name
            || !condition.IsKind(SyntaxKind.LessThanExpression) && !condition.IsKind(SyntaxKind.LessThanOrEqualExpression))
            return null;
        var bound = condition.Right;
        if (!IsPlain(start) || !IsPlain(bound) || Names(bound).Contains(name) || !StepsByOne(loop, name)) return null;
        if (LeavesEarly(loop.Statement) || Assigned(loop.Statement).Overlaps(Names(bound).Append(name))) return null;
        var extra = condition.IsKind(SyntaxKind.LessThanOrEqualExpression) ? " + 1L" : "";
        return $"global::System.Math.Max(0L, (long)({bound}) - (long)({start}){extra})";
    }

    private static (string Name, ExpressionSyntax Start)? Variable(ForStatementSyntax loop)
    {
        if (loop.Declaration is { Variables: [{ Initializer: { } init } declarator] } && loop.Initializers.Count == 0)
            return (declarator.Identifier.Text, init.Value);
        if (loop.Declaration is null && loop.Initializers is [AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assign]
            && assign.IsKind(SyntaxKind.SimpleAssignmentExpression))
            return (target.Identifier.Text, assign.Right);
        return null;
    }

    private static bool StepsByOne(ForStatementSyntax loop, string name) => loop.Incrementors is [var step] && step switch
    {
        PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax i } p => p.IsKind(SyntaxKind.PostIncrementExpression) && i.Identifier.Text == name,
        PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax i } p => p.IsKind(SyntaxKind.PreIncrementExpression) && i.Identifier.Text == name,
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax i, Right: LiteralExpressionSyntax { Token.ValueText: "1" } } a =>
            a.IsKind(SyntaxKind.AddAssignmentExpression) && i.Identifier.Text == name,
        _ => false,
    };

    /// <summary>Names, literals, member reads, casts and arithmetic only: no call, element access or assignment.</summary>
    private static bool IsPlain(ExpressionSyntax e) => e.DescendantNodesAndSelf().All(n => n is IdentifierNameSyntax or LiteralExpressionSyntax
        or ThisExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax or PredefinedTypeSyntax or MemberAccessExpressionSyntax
        or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.UnaryPlusExpression });

    private static IEnumerable<string> Names(SyntaxNode node) => node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.Text);

    /// <summary>A return, goto or throw anywhere in the body, or a break that belongs to this loop.</summary>
    private static bool LeavesEarly(StatementSyntax body) =>
        body.DescendantNodesAndSelf().Any(n => n is ReturnStatementSyntax or GotoStatementSyntax or ThrowStatementSyntax or ThrowExpressionSyntax
            || n is BreakStatementSyntax && !n.Ancestors().TakeWhile(a => a != body).Any(a => a is ForStatementSyntax or WhileStatementSyntax
                or DoStatementSyntax or ForEachStatementSyntax or SwitchStatementSyntax));

    /// <summary>Every name the body assigns, increments or passes by reference.</summary>
    private static HashSet<string> Assigned(StatementSyntax body)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in body.DescendantNodes())
        {
            var target = n switch
            {
                AssignmentExpressionSyntax a => a.Left,
                PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PostIncrementExpression) || p.IsKind(SyntaxKind.PostDecrementExpression) => p.Operand,
                PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression) => p.Operand,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0 } r => r.Expression,
                _ => null,
            };
            if (target is IdentifierNameSyntax id) names.Add(id.Identifier.Text);
        }
        return names;
    }
}
