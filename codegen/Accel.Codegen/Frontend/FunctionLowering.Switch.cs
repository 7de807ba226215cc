using Accel.Codegen.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

/// <summary>`switch` on an integer with constant labels lowers to an if / else-if chain on the value, computed
/// once: C# sections never fall through, so each section is one branch, and `default` is the final else
/// wherever it is written. Vitis HLS builds the same multiplexer from either form.</summary>
internal sealed partial class FunctionLowering
{
    private int switchCount;

    private IrStmt? LowerSwitch(ISwitchOperation op)
    {
        var valueType = op.Value.Type is null ? null : ScalarTypeOf(op.Value.Type, op.Value.Syntax);
        if (valueType is not IntType)
        {
            if (valueType is not null) context.Report(DiagnosticIds.Switch, op.Value.Syntax, $"a switch on {op.Value.Type}");
            return null;
        }
        var statements = new List<IrStmt>();
        var value = LowerValue(op.Value);
        if (value is not (VarRefExpr or ParamRefExpr or ConstExpr))
        {
            var temp = new Variable($"switch_{switchCount++}", value.Type, VariableKind.Local);
            statements.Add(new LocalDeclStmt(Line(op), temp, value));
            value = new VarRefExpr(temp);
        }

        var branches = new List<(IrExpr? Condition, BlockStmt Body)>();
        BlockStmt? otherwise = null;
        foreach (var section in op.Cases)
        {
            var body = SectionBody(section, op.ExitLabel);
            if (body is null) continue;
            if (section.Clauses.Any(c => c.CaseKind == CaseKind.Default))
            {
                otherwise = body;
                continue;
            }
            IrExpr? condition = null;
            foreach (var clause in section.Clauses)
            {
                if (clause is not ISingleValueCaseClauseOperation { Value: var label } || !label.ConstantValue.HasValue)
                {
                    context.Report(DiagnosticIds.Switch, clause.Syntax, "a pattern or when clause");
                    continue;
                }
                var test = new BinaryExpr(IrType.Bool, BinaryOp.Eq, value, Convert(LowerValue(label), value.Type));
                condition = condition is null ? test : new BinaryExpr(IrType.Bool, BinaryOp.LogicalOr, condition, test);
            }
            if (condition is not null) branches.Add((condition, body));
        }

        IrStmt? chain = otherwise;
        for (int i = branches.Count - 1; i >= 0; i--)
            chain = new IfStmt(branches[i].Body.Line, branches[i].Condition!, branches[i].Body, chain);
        if (chain is not null) statements.Add(chain);
        return new BlockStmt(Line(op), statements);
    }

    /// <summary>A section's statements without its closing `break`. A `break` elsewhere in the section would
    /// leave the switch, which an if chain cannot say: reported.</summary>
    private BlockStmt? SectionBody(ISwitchCaseOperation section, ILabelSymbol exit)
    {
        var operations = section.Body.ToList();
        if (operations.Count > 0 && operations[^1] is IBranchOperation { BranchKind: BranchKind.Break } last && SymbolEqualityComparer.Default.Equals(last.Target, exit))
            operations.RemoveAt(operations.Count - 1);
        var early = operations.SelectMany(o => o.DescendantsAndSelf()).OfType<IBranchOperation>()
            .FirstOrDefault(b => b.BranchKind == BranchKind.Break && SymbolEqualityComparer.Default.Equals(b.Target, exit));
        if (early is not null)
        {
            context.Report(DiagnosticIds.Switch, early.Syntax, "a break before the end of its section");
            return null;
        }
        return LowerStatements(operations, section.Syntax);
    }
}
