using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

/// <summary>Jagged arrays (JaggedArrays says which): a declaration with its rows is one two-dimensional local, the
/// type `new T[R, C]` has, so the C++, the partitioning, the emulator's schedule and the estimate are those of
/// T[R, C]; x[r][c] is its element (r, c). What C# allows beyond that (a row reassigned, aliased, held or passed
/// on its own) is reported once, at its place.</summary>
internal sealed partial class FunctionLowering
{
    /// <summary>The statement being lowered and the one after it in its block: a jagged declaration's row loop.</summary>
    private (IOperation Current, IOperation? Next) statementPair;

    /// <summary>Row loops taken into their array's declaration, skipped when their block reaches them.</summary>
    private readonly HashSet<IOperation> allocatedRowLoops = [];

    private IrStmt? LowerJaggedDeclarator(IVariableDeclaratorOperation declarator, IArrayTypeSymbol type, IOperation? initializer)
    {
        var symbol = declarator.Symbol;
        var where = declarator.Syntax;
        var rowType = (IArrayTypeSymbol)type.ElementType;
        if (rowType.ElementType is IArrayTypeSymbol || rowType.Rank > 1 || type.Rank > 1)
            return ReportJagged(where, $"{symbol.Name} has more than two levels, or rows of a multi-dimensional type: declare new {Scalar(rowType)}[a, b, c]");
        if (Structs.IsUserStruct(rowType.ElementType))
            return ReportJagged(where, $"{symbol.Name} has struct rows: declare new {rowType.ElementType.Name}[R, C], or one struct array of R * C indexed row-major");
        var element = ScalarTypeOf(rowType.ElementType, where);
        if (element is null) return null;

        (IrExpr Expr, long Value)? rowCount;
        IReadOnlyList<IOperation> rows;
        if (JaggedArrays.ListedRows(initializer) is { } listed)
        {
            rowCount = (new ConstExpr(IrType.Int64, listed.Count), listed.Count);
            rows = listed;
        }
        else if (initializer is IArrayCreationOperation { DimensionSizes: [var count], Initializer: null })
        {
            rowCount = ConstantEvaluator.Evaluate(context, count);
            if (rowCount is null) { context.Report(DiagnosticIds.RuntimeArray, count.Syntax); return null; }
            var loop = ReferenceEquals(statementPair.Current, declarator.Parent?.Parent) ? JaggedArrays.RowLoop(statementPair.Next, symbol) : null;
            if (loop is not { } found || !JaggedArrays.IsLengthOf(found.Bound, symbol) && ConstantEvaluator.Evaluate(context, found.Bound)?.Value != rowCount.Value.Value)
                return ReportJagged(where, $"the rows of {symbol.Name} are not all allocated right after its declaration: follow it with for (int r = 0; r < {count.Syntax}; r++) {symbol.Name}[r] = new {Scalar(rowType)}[C];");
            allocatedRowLoops.Add(statementPair.Next!);
            rows = [found.Row];
        }
        else return ReportJagged(initializer?.Syntax ?? where, $"{symbol.Name} is not created where it is declared (new {Scalar(rowType)}[R][] and a loop allocating its rows, or [new {Scalar(rowType)}[C], ...])");

        if (rowCount.Value.Value < 1) return ReportJagged(where, $"{symbol.Name} has no rows");
        var rowLength = RowLength(symbol, rows, rowType);
        if (rowLength is null) return null;
        var variable = Declare(symbol, new Variable(symbol.Name, ArrayShape(element, [rowCount.Value, rowLength.Value]), VariableKind.Local));
        return new LocalDeclStmt(Line(declarator), variable, null);
    }

    /// <summary>The one length every row is allocated with; null, reported at the first row that is not a
    /// `new T[C]` of a constant C or differs from the first.</summary>
    private (IrExpr Expr, long Value)? RowLength(ILocalSymbol array, IReadOnlyList<IOperation> rows, IArrayTypeSymbol rowType)
    {
        (IrExpr Expr, long Value)? first = null;
        foreach (var row in rows)
        {
            switch (row)
            {
                case IArrayCreationOperation { Initializer: { } listed }:
                    context.Report(DiagnosticIds.ArrayInitializer, listed.Syntax);
                    return null;
                case IArrayCreationOperation { DimensionSizes: [var size] }:
                    var length = ConstantEvaluator.Evaluate(context, size);
                    if (length is null) { context.Report(DiagnosticIds.RuntimeArray, row.Syntax); return null; }
                    if (first is { } known && known.Value != length.Value.Value)
                    {
                        ReportJagged(row.Syntax, $"rows of {array.Name} of different lengths ({known.Value} and {length.Value.Value} elements): give every row one length, or declare new {Scalar(rowType)}[R, {Math.Max(known.Value, length.Value.Value)}] and use part of each row");
                        return null;
                    }
                    first ??= length;
                    break;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation:
                    ReportJagged(row.Syntax, $"a null row of {array.Name}: allocate every row with new {Scalar(rowType)}[C]");
                    return null;
                default:
                    ReportJagged(row.Syntax, $"a row of {array.Name} that is not a new array ({row.Syntax}): in C# the two would share their elements; allocate every row with new {Scalar(rowType)}[C]");
                    return null;
            }
        }
        return first;
    }

    /// <summary>x[r][c]: element (r, c) of the two-dimensional array x stands for.</summary>
    private IrExpr JaggedElement(IArrayElementReferenceOperation element)
    {
        var row = (IArrayElementReferenceOperation)element.ArrayReference;
        var array = LowerValue(row.ArrayReference);
        var indices = new List<IrExpr> { LowerValue(row.Indices[0]), LowerValue(element.Indices[0]) };
        if (IrTypes.ElementOf(array.Type) is null) return Poison;
        return ElementOf(array, indices, element);
    }

    /// <summary>x[r] other than indexed: a row held, passed or assigned on its own, which in C# is a reference into
    /// x (or replaces the row) and in hardware is no object.</summary>
    private IrExpr JaggedRow(IArrayElementReferenceOperation row, string use)
    {
        // A row of an array already reported, or of a depth the declaration refused: no second report.
        if (ReferenceEquals(LowerValue(row.ArrayReference), Poison)) return Poison;
        ReportJagged(row.Syntax, $"the row {row.Syntax} {use}: index it where it is used ({row.Syntax}[c]); a function takes the whole array and the row index");
        return Poison;
    }

    /// <summary>x[r] = ...: a row reallocated or aliased after the declaration.</summary>
    private IrStmt? AssignJaggedRow(IArrayElementReferenceOperation row)
    {
        if (!ReferenceEquals(LowerValue(row.ArrayReference), Poison))
            ReportJagged(row.Parent!.Syntax, $"the row {row.Syntax} assigned after the declaration (C# would replace or alias the row): allocate every row once, right after the declaration, and copy elements in a loop");
        return null;
    }

    /// <summary>A jagged parameter: of a kernel function, the shape its calls pass; of the top, reported (ports are T[,]).</summary>
    private Variable? JaggedParameter(IParameterSymbol p, SyntaxNode where)
    {
        var rowType = (IArrayTypeSymbol)((IArrayTypeSymbol)p.Type).ElementType;
        if (isTop)
        {
            ReportJagged(where, $"the jagged port {p.Name}: declare it {Scalar(rowType)}[,] (a 2-D port, row-major in memory) with the shape the [Stimulus] gives it");
            return null;
        }
        if (rowType.ElementType is IArrayTypeSymbol || rowType.Rank > 1 || ((IArrayTypeSymbol)p.Type).Rank > 1)
        {
            ReportJagged(where, $"the parameter {p.Name} has more than two levels: declare it {Scalar(rowType)}[,,]");
            return null;
        }
        var element = ScalarTypeOf(rowType.ElementType, where);
        return element is null ? null : ArrayParameter(p, element, where);
    }

    private IrStmt? ReportJagged(SyntaxNode where, string detail)
    {
        context.Report(DiagnosticIds.Jagged, where, detail);
        return null;
    }

    /// <summary>The innermost element type as C# spells it (int for int[][]).</summary>
    private static string Scalar(IArrayTypeSymbol type) => type.ElementType is IArrayTypeSymbol inner ? Scalar(inner) : type.ElementType.ToDisplayString();
}
