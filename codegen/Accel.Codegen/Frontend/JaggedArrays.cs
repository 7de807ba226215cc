using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

/// <summary>Recognises the jagged arrays that are two-dimensional arrays in disguise: a local `T[][] x` whose rows
/// are all allocated with one constant length where it is declared, in the forms C# users write. Such an array
/// is the C++ array `T x[R][C]`, lowered as `new T[R, C]` is; every other jagged array is reported (ACCEL0061),
/// since its rows may differ in length, be null or alias one another, which a hardware array cannot.</summary>
internal static class JaggedArrays
{
    /// <summary>T[][]: an array whose elements are arrays.</summary>
    public static bool Is(ITypeSymbol? type) => type is IArrayTypeSymbol { ElementType: IArrayTypeSymbol };

    /// <summary>The arrays whose parameters take their caller's shape: T[,], T[,,] and T[][].</summary>
    public static bool IsMultiDimensional(ITypeSymbol? type) => type is IArrayTypeSymbol { Rank: > 1 } || Is(type);

    /// <summary>x[r] where x is jagged: one row, an array.</summary>
    public static bool IsRow(IOperation op) => op is IArrayElementReferenceOperation { Type: IArrayTypeSymbol };

    /// <summary>The row creations of an initializer that lists its rows (`new T[2][] { new T[C], new T[C] }` or
    /// `[new T[C], new T[C]]`), implicit conversions removed; null for any other initializer.</summary>
    public static IReadOnlyList<IOperation>? ListedRows(IOperation? initializer) => (initializer is null ? null : Unwrap(initializer)) switch
    {
        IArrayCreationOperation { Initializer: { } listed } => listed.ElementValues.Select(Unwrap).ToList(),
        ICollectionExpressionOperation collection => collection.Elements.Select(Unwrap).ToList(),
        _ => null,
    };

    /// <summary>The loop `for (int r = 0; r &lt; bound; r++) x[r] = new T[C];` (braces, ++r and r += 1 too) that
    /// allocates the rows of <paramref name="array"/>: its bound and the row creation; null for any other statement.</summary>
    public static (IOperation Bound, IOperation Row)? RowLoop(IOperation? statement, ILocalSymbol array)
    {
        if (statement is not IForLoopOperation { Condition: IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan } condition } loop) return null;
        if (loop.Before is not [IVariableDeclarationGroupOperation { Declarations: [{ Declarators: [var counter] }] }]
            || counter.GetVariableInitializer()?.Value.ConstantValue is not { HasValue: true, Value: 0 }
            || !Counter(condition.LeftOperand, counter.Symbol)
            || loop.AtLoopBottom is not [IExpressionStatementOperation { Operation: var step }] || !StepsByOne(step, counter.Symbol))
            return null;
        var body = loop.Body is IBlockOperation { Operations: [var only] } ? only : loop.Body;
        if (body is not IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation target, Value: var row } }
            || target.ArrayReference is not ILocalReferenceOperation { Local: var local } || !SymbolEqualityComparer.Default.Equals(local, array)
            || target.Indices is not [var index] || !Counter(index, counter.Symbol))
            return null;
        return (Unwrap(condition.RightOperand), Unwrap(row));
    }

    /// <summary>`x.Length`, the bound a row loop may give instead of the row count.</summary>
    public static bool IsLengthOf(IOperation bound, ILocalSymbol array) =>
        bound is IPropertyReferenceOperation { Property.Name: "Length", Instance: ILocalReferenceOperation { Local: var local } }
        && SymbolEqualityComparer.Default.Equals(local, array);

    private static bool Counter(IOperation op, ILocalSymbol counter) =>
        Unwrap(op) is ILocalReferenceOperation { Local: var l } && SymbolEqualityComparer.Default.Equals(l, counter);

    private static bool StepsByOne(IOperation step, ILocalSymbol counter) => step switch
    {
        IIncrementOrDecrementOperation { Kind: OperationKind.Increment, Target: var t } => Counter(t, counter),
        ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: var t, Value.ConstantValue: { HasValue: true, Value: 1 } } => Counter(t, counter),
        _ => false,
    };

    private static IOperation Unwrap(IOperation op) => op is IConversionOperation { IsImplicit: true } c ? Unwrap(c.Operand) : op;
}
