using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

internal sealed partial class FunctionLowering
{
    /// <summary>A block; directives are accepted only before its first other statement, and only in the body of
    /// a function or loop (where the pragma applies).</summary>
    private BlockStmt LowerBlock(IOperation operation, bool allowLeadingDirectives) =>
        LowerStatements(operation is IBlockOperation block ? block.Operations : [operation], operation.Syntax, allowLeadingDirectives);

    private BlockStmt LowerStatements(IEnumerable<IOperation> operations, SyntaxNode where, bool allowLeadingDirectives = false)
    {
        var statements = new List<IrStmt>();
        bool leading = allowLeadingDirectives;
        var list = operations.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            var op = list[i];
            if (allocatedRowLoops.Contains(op)) continue; // lowered with its jagged array's declaration
            if (TryLowerDirective(op, out var directive))
            {
                if (directive is null) continue;
                // An array partition follows its array's declaration; every other directive leads its body.
                if (!leading && directive.Directive is not (ArrayPartitionDirective or TablePartitionDirective)) context.Report(DiagnosticIds.MisplacedDirective, op.Syntax);
                statements.Add(directive);
                // A directive on a struct array applies to each of its field arrays.
                statements.AddRange(fieldDirectives.Select(d => new DirectiveStmt(directive.Line, d)));
                fieldDirectives.Clear();
                continue;
            }
            leading = false;
            statementPair = (op, i + 1 < list.Count ? list[i + 1] : null);
            if (LowerStatement(op) is { } statement) statements.Add(statement);
        }
        return new BlockStmt(Locations.Line(where), statements);
    }

    private IrStmt? LowerStatement(IOperation op) => op is IBlockOperation or IForLoopOperation or IWhileLoopOperation
        ? LowerStatementItself(op)
        : WithHoisting(op, () => LowerStatementItself(op));

    private IrStmt? LowerStatementItself(IOperation op)
    {
        switch (op)
        {
            case IBlockOperation when op.Syntax.Parent is { } parent && parent.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.UnsafeStatement):
                context.Report(DiagnosticIds.Unsafe, parent);   // one report: nothing inside is lowered
                return null;
            case IBlockOperation block:
                return LowerBlock(block, allowLeadingDirectives: false);
            case IVariableDeclarationGroupOperation group:
                return Flatten(op, group.Declarations.SelectMany(d => d.Declarators).Select(LowerDeclarator));
            case IExpressionStatementOperation expression:
                return LowerEffect(expression.Operation);
            case IConditionalOperation { Type: null } conditional:
                return new IfStmt(Line(op), LowerValue(conditional.Condition),
                    LowerBlock(conditional.WhenTrue, false),
                    conditional.WhenFalse is null ? null : LowerBlock(conditional.WhenFalse, false));
            case IForLoopOperation loop:
                return LowerFor(loop);
            case ISwitchOperation switchOp:
                return LowerSwitch(switchOp);
            case IWhileLoopOperation { ConditionIsTop: true, ConditionIsUntil: false } loop:
                return new WhileStmt(Line(op), context.NextLoopId(), WithoutHoisting(() => LowerValue(loop.Condition!)), LowerBlock(loop.Body, true)) { Position = op.Syntax.SpanStart };
            case IWhileLoopOperation:
                context.Report(DiagnosticIds.DoWhile, op.Syntax);
                return null;
            case IBranchOperation { BranchKind: BranchKind.Break }:
                return new BreakStmt(Line(op));
            case IBranchOperation { BranchKind: BranchKind.Continue }:
                return new ContinueStmt(Line(op));
            case IReturnOperation ret:
                return new ReturnStmt(Line(op), ret.ReturnedValue is null ? null : LowerValue(ret.ReturnedValue));
            case IEmptyOperation:
                return null;
            default:
                Rejections.Report(context, op);
                return null;
        }
    }

    private static IrStmt? Flatten(IOperation op, IEnumerable<IrStmt?> statements)
    {
        var list = statements.OfType<IrStmt>().ToList();
        return list.Count switch
        {
            0 => null,
            1 => list[0],
            _ => new BlockStmt(Locations.Line(op.Syntax), list) { IsScope = false },
        };
    }

    private IrStmt? LowerDeclarator(IVariableDeclaratorOperation declarator)
    {
        var symbol = declarator.Symbol;
        var where = declarator.Syntax;
        CheckName(symbol.Name, where);
        var initializer = declarator.GetVariableInitializer()?.Value;
        if (symbol.IsConst) return null; // folded into its uses

        if (Structs.IsUserStruct(symbol.Type))
            return LowerStructDeclarator(declarator, ShapeOf(symbol.Type), initializer, null);
        if (JaggedArrays.Is(symbol.Type)) return LowerJaggedDeclarator(declarator, (IArrayTypeSymbol)symbol.Type, initializer);
        if (symbol.Type is IArrayTypeSymbol arrayType)
        {
            if (initializer is IArrayElementReferenceOperation row && JaggedArrays.IsRow(row))
            {
                JaggedRow(row, "held in a variable");
                return null;
            }
            if (initializer is not IArrayCreationOperation creation)
            {
                context.Report(DiagnosticIds.RuntimeArray, where, "an on-chip array must be created with new T[length] where it is declared");
                return null;
            }
            var structShape = Structs.IsUserStruct(arrayType.ElementType) ? ShapeOf(arrayType.ElementType) : null;
            var element = Structs.IsUserStruct(arrayType.ElementType) ? null : ScalarTypeOf(arrayType.ElementType, where);
            if (creation.Initializer is not null)
            {
                context.Report(DiagnosticIds.ArrayInitializer, creation.Initializer.Syntax);
                return null;
            }
            var lengths = creation.DimensionSizes.Select(d => ConstantEvaluator.Evaluate(context, d)).ToList();
            if (lengths.Any(l => l is null))
            {
                context.Report(DiagnosticIds.RuntimeArray, creation.Syntax);
                return null;
            }
            var sizes = lengths.Select(l => l!.Value).ToList();
            if (Structs.IsUserStruct(arrayType.ElementType)) return LowerStructDeclarator(declarator, structShape, null, sizes);
            if (element is null) return null;
            var variable = Declare(symbol, new Variable(symbol.Name, ArrayShape(element, sizes), VariableKind.Local));
            return new LocalDeclStmt(Line(declarator), variable, null);
        }

        var type = TypeOf(symbol.Type, where);
        if (type is null) return null;
        if (type is StreamType)
        {
            int? depth = initializer is IObjectCreationOperation { Arguments.Length: 1 } create
                ? (int?)ConstantEvaluator.Evaluate(context, create.Arguments[0].Value)?.Value
                : null;
            if (depth is null or < 1)
            {
                context.Report(DiagnosticIds.NonConstantDirective, where, "a stream must be created with new Stream<T>(depth) and a constant depth >= 1");
                return null;
            }
            var stream = Declare(symbol, new Variable(symbol.Name, type, VariableKind.Stream) { StreamDepth = depth.Value });
            return new LocalDeclStmt(Line(declarator), stream, null);
        }
        var local = Declare(symbol, new Variable(symbol.Name, type, VariableKind.Local));
        return new LocalDeclStmt(Line(declarator), local, initializer is null ? null : LowerValue(initializer, statementRoot: true));
    }

    /// <summary>An on-chip array's type: one-dimensional, or row-major with its dimensions kept.</summary>
    private static ArrayType ArrayShape(IrType element, List<(IrExpr Expr, long Value)> lengths) => lengths.Count == 1
        ? new ArrayType(element, lengths[0].Expr, lengths[0].Value)
        : new ArrayType(element,
            lengths.Skip(1).Aggregate(lengths[0].Expr, (total, l) => new BinaryExpr(IrType.Int32, BinaryOp.Mul, total, l.Expr)),
            lengths.Aggregate(1L, (total, l) => total * l.Value)) { Dims = lengths.Select(l => l.Expr).ToList(), DimValues = lengths.Select(l => l.Value).ToList() };

    /// <summary>An expression statement: an assignment, increment or call.</summary>
    private IrStmt? LowerEffect(IOperation op)
    {
        switch (op)
        {
            case ISimpleAssignmentOperation assign:
                return Assign(op, assign.Target, assign.Value);
            case ICompoundAssignmentOperation compound when ApTypes.IsApMember(compound.OperatorMethod):
                return ApCompound(compound);
            case ICompoundAssignmentOperation compound:
            {
                if (compound.IsChecked) context.Report(DiagnosticIds.Checked, op.Syntax);
                bool numeric = Generics.IsNumericsOperator(compound.OperatorMethod);
                if (compound.OperatorMethod is not null && !numeric) { Rejections.Report(context, op); return null; }
                var target = LowerTarget(compound.Target);
                var value = LowerValue(compound.Value);
                if (target is null) return null;
                if (numeric) return new AssignStmt(Line(op), target, NumericOperator(op.Syntax, compound.OperatorKind, target, value, target.Type));
                var computeType = Binary.ResultType(compound.OperatorKind, target.Type, value.Type);
                var left = Convert(target, computeType);
                var right = compound.OperatorKind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift ? value : Convert(value, computeType);
                var result = Binary.Make(context, op.Syntax, compound.OperatorKind, computeType, left, right);
                return result is null ? null : new AssignStmt(Line(op), target, Convert(result, target.Type));
            }
            case IIncrementOrDecrementOperation increment:
            {
                if (increment.IsChecked) context.Report(DiagnosticIds.Checked, op.Syntax);
                var target = LowerTarget(increment.Target);
                if (target is null) return null;
                var computeType = Binary.Promote(target.Type);
                var one = new ConstExpr(computeType, 1, 1);
                var kind = op.Kind == OperationKind.Increment ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract;
                var result = Binary.Make(context, op.Syntax, kind, computeType, Convert(target, computeType), one);
                return result is null ? null : new AssignStmt(Line(op), target, Convert(result, target.Type));
            }
            case IInvocationOperation invocation:
                return LowerInvocation(invocation, statementRoot: true) is { } call ? new ExprStmt(Line(op), call) { Position = op.Syntax.SpanStart } : null;
            default:
                Rejections.Report(context, op);
                return null;
        }
    }

    private IrStmt? Assign(IOperation op, IOperation targetOp, IOperation valueOp)
    {
        if (Structs.IsUserStruct(targetOp.Type)) return AssignStruct(op, targetOp, valueOp);
        if (targetOp is IArrayElementReferenceOperation row && JaggedArrays.IsRow(row)) return AssignJaggedRow(row);
        var target = LowerTarget(targetOp); // C# evaluates the target's indices first
        var value = LowerValue(valueOp, statementRoot: true);
        return target is null ? null : new AssignStmt(Line(op), target, value);
    }

    /// <summary>A place that can be written: a local, a scalar parameter or an array element.</summary>
    private IrExpr? LowerTarget(IOperation target)
    {
        switch (target)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation:
                if (IsReportedVariable(target)) return null;
                var value = LowerValue(target);
                // A local array assigned whole would alias in C# and does not compile in C++.
                if (value is VarRefExpr { Variable: { Kind: VariableKind.Local or VariableKind.Scalar, Type: not (ArrayType or StreamType) } }) return value;
                context.Report(DiagnosticIds.WholeAssignment, target.Syntax);
                return null;
            case IArrayElementReferenceOperation:
                var element = LowerValue(target);
                if (element is IndexExpr { Array: VarRefExpr })
                    return element;
                // Anything else was already reported where it failed (one report per root cause).
                if (element is IndexExpr { Array: TableRefExpr })
                    context.Report(DiagnosticIds.LookupTableWrite, target.Syntax);
                return null;
            case IFieldReferenceOperation { Instance: { } instance } field when Structs.IsUserStruct(instance.Type):
                return ShapeOf(instance.Type) is { } shape ? StructFieldTarget(field, shape) : null;
            case IFieldReferenceOperation field:
                FieldValue(field); // reports what kind of field it is, or nothing when its variable was reported
                return null;
            default:
                if (!OfReportedStruct(target)) Rejections.Report(context, target);
                return null;
        }
    }

    private IrStmt LowerFor(IForLoopOperation loop)
    {
        int id = context.NextLoopId();
        var (init, condition, step) = WithoutHoisting(() => (
            Unpack(loop.Before.Select(LowerStatementItself)),
            loop.Condition is null ? null : LowerValue(loop.Condition),
            Unpack(loop.AtLoopBottom.Select(LowerStatementItself))));
        return new ForStmt(Line(loop), id, init, condition, step, LowerBlock(loop.Body, allowLeadingDirectives: true)) { Position = loop.Syntax.SpanStart };
    }

    /// <summary>A for header's parts, one statement each: `int i = 0, j = n - 1` lowers to two declarations
    /// travelling together, which the header prints as one.</summary>
    private static List<IrStmt> Unpack(IEnumerable<IrStmt?> statements) =>
        statements.SelectMany(s => s is BlockStmt { IsScope: false } group ? group.Statements : s is null ? [] : [s]).ToList();
}
