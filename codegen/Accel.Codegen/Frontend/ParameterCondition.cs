using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Accel.Codegen.Frontend;

/// <summary>A [Requires] condition: a C# expression over the kernel's parameters, evaluated on a configuration's
/// values (64-bit integers, booleans as 0 and 1).</summary>
public sealed class ParameterCondition
{
    private readonly ExpressionSyntax expression;

    public string Text { get; }
    public string Reason { get; }

    private ParameterCondition(string text, string reason, ExpressionSyntax expression) => (Text, Reason, this.expression) = (text, reason, expression);

    /// <summary>The condition, or the reason it cannot be one (a syntax error, a name that is not a parameter, an operator outside the set).</summary>
    public static (ParameterCondition? Condition, string? Error) Parse(string text, string reason, IReadOnlyCollection<string> parameters)
    {
        var expression = SyntaxFactory.ParseExpression(text);
        if (expression.ContainsDiagnostics || expression.FullSpan.Length != text.Length)
            return (null, $"[Requires(\"{text}\")] is not a C# expression");
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax id && !parameters.Contains(id.Identifier.Text))
                return (null, $"[Requires(\"{text}\")] names '{id.Identifier.Text}', which is not a parameter of the kernel; parameters: {string.Join(", ", parameters)}");
            bool allowed = node switch
            {
                IdentifierNameSyntax or ParenthesizedExpressionSyntax => true,
                LiteralExpressionSyntax l => l.Kind() is SyntaxKind.NumericLiteralExpression or SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression,
                BinaryExpressionSyntax b => BinaryKinds.Contains(b.Kind()),
                PrefixUnaryExpressionSyntax u => u.Kind() is SyntaxKind.LogicalNotExpression or SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression,
                _ => false,
            };
            if (!allowed)
                return (null, $"[Requires(\"{text}\")] uses '{node}'; use parameter names, integer literals, arithmetic, comparisons, &&, || and !");
        }
        return (new ParameterCondition(text, reason, expression), null);
    }

    private static readonly HashSet<SyntaxKind> BinaryKinds =
    [
        SyntaxKind.LogicalAndExpression, SyntaxKind.LogicalOrExpression, SyntaxKind.AddExpression, SyntaxKind.SubtractExpression,
        SyntaxKind.MultiplyExpression, SyntaxKind.DivideExpression, SyntaxKind.ModuloExpression, SyntaxKind.LessThanExpression,
        SyntaxKind.LessThanOrEqualExpression, SyntaxKind.GreaterThanExpression, SyntaxKind.GreaterThanOrEqualExpression,
        SyntaxKind.EqualsExpression, SyntaxKind.NotEqualsExpression,
    ];

    public bool Holds(IReadOnlyDictionary<string, long> values) => Evaluate(expression, values) != 0;

    private static long Evaluate(ExpressionSyntax e, IReadOnlyDictionary<string, long> v) => e switch
    {
        IdentifierNameSyntax id => v[id.Identifier.Text],
        LiteralExpressionSyntax { Token.Value: var value } => value switch { bool b => b ? 1 : 0, _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) },
        ParenthesizedExpressionSyntax p => Evaluate(p.Expression, v),
        PrefixUnaryExpressionSyntax u => u.Kind() switch
        {
            SyntaxKind.LogicalNotExpression => Evaluate(u.Operand, v) == 0 ? 1 : 0,
            SyntaxKind.UnaryMinusExpression => -Evaluate(u.Operand, v),
            _ => Evaluate(u.Operand, v),
        },
        BinaryExpressionSyntax b => Binary(b.Kind(), Evaluate(b.Left, v), () => Evaluate(b.Right, v)),
        _ => throw new InternalCompilerException($"condition node {e.Kind()} passed Parse"),
    };

    private static long Binary(SyntaxKind kind, long left, Func<long> right) => kind switch
    {
        SyntaxKind.LogicalAndExpression => left != 0 && right() != 0 ? 1 : 0,
        SyntaxKind.LogicalOrExpression => left != 0 || right() != 0 ? 1 : 0,
        SyntaxKind.AddExpression => left + right(),
        SyntaxKind.SubtractExpression => left - right(),
        SyntaxKind.MultiplyExpression => left * right(),
        SyntaxKind.DivideExpression => right() is var d && d != 0 ? left / d : 0,
        SyntaxKind.ModuloExpression => right() is var m && m != 0 ? left % m : 0,
        SyntaxKind.LessThanExpression => left < right() ? 1 : 0,
        SyntaxKind.LessThanOrEqualExpression => left <= right() ? 1 : 0,
        SyntaxKind.GreaterThanExpression => left > right() ? 1 : 0,
        SyntaxKind.GreaterThanOrEqualExpression => left >= right() ? 1 : 0,
        SyntaxKind.EqualsExpression => left == right() ? 1 : 0,
        SyntaxKind.NotEqualsExpression => left != right() ? 1 : 0,
        _ => throw new InternalCompilerException($"operator {kind} passed Parse"),
    };
}
