using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Accel.Codegen.Frontend;

/// <summary>Every construct outside the kernel subset, reported at its syntax node with what to use instead.
/// The lowering calls this for any operation it does not handle, so nothing unsupported becomes C++.</summary>
internal static class Rejections
{
    public static void Report(LoweringContext context, IOperation op)
    {
        // Follow-ons of a construct reported elsewhere: a goto's label is reported where it stands, and an await
        // stands only in an async method or lambda, each reported itself.
        if (op is IBranchOperation { BranchKind: BranchKind.GoTo, Target.DeclaringSyntaxReferences.Length: > 0 } or IAwaitOperation) return;
        var entry = op switch
        {
            ITranslatedQueryOperation => DiagnosticIds.Linq,
            IAnonymousFunctionOperation or IDelegateCreationOperation or ILocalFunctionOperation => DiagnosticIds.Lambda,
            IArrayCreationOperation => DiagnosticIds.RuntimeArray,
            IThrowOperation or ITryOperation => DiagnosticIds.Exceptions,
            IInterpolatedStringOperation => DiagnosticIds.Strings,
            IObjectCreationOperation or IAnonymousObjectCreationOperation or ICollectionExpressionOperation or ITupleOperation => DiagnosticIds.Collections,
            IForEachLoopOperation => DiagnosticIds.ForEach,
            IBranchOperation { BranchKind: BranchKind.GoTo } or ILabeledOperation => DiagnosticIds.Goto,
            IAddressOfOperation or IFunctionPointerInvocationOperation => DiagnosticIds.Unsafe,
            IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicIndexerAccessOperation or IDynamicObjectCreationOperation => DiagnosticIds.Dynamic,
            ISwitchOperation or ISwitchExpressionOperation => DiagnosticIds.Switch,
            IPropertyReferenceOperation => DiagnosticIds.Property,
            _ when op.Syntax.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.UnsafeStatement) || op.Syntax.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PointerIndirectionExpression)
                || op.Syntax.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.FixedStatement) => DiagnosticIds.Unsafe,
            _ when op.Syntax.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CheckedExpression) || op.Syntax.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CheckedStatement) => DiagnosticIds.Checked,
            _ => DiagnosticIds.Other,
        };
        context.Report(entry, op.Syntax, entry == DiagnosticIds.Other ? $"{op.Kind}: {Shorten(op.Syntax.ToString())}" : null);
    }

    private static string Shorten(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length <= 40 ? line : line[..40] + "...";
    }
}
