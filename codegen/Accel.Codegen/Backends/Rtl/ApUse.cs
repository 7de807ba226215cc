using Accel.Codegen.Ir;
using Accel.Codegen.Passes;

namespace Accel.Codegen.Backends.Rtl;

/// <summary>Where a function first uses an arbitrary-precision value (every one is made by a conversion or is a
/// typed parameter, local or zero), so the RTL back end reports it once, not at every use.</summary>
internal sealed class ApUse : IrWalker
{
    private int? first;

    public static int? FirstLine(IrFunction function)
    {
        if (function.Parameters.Any(p => (IrTypes.ElementOf(p.Type) ?? p.Type) is ApType) || function.ReturnType is ApType) return function.Line;
        var walker = new ApUse();
        walker.Walk(function);
        return walker.first;
    }

    public override void VisitLocalDecl(LocalDeclStmt s)
    {
        if (s.Variable.Type is ApType || s.Variable.Type is ArrayType { Element: ApType }) first ??= s.Line;
        base.VisitLocalDecl(s);
    }

    public override bool VisitConvert(ConvertExpr e)
    {
        if (e.Type is ApType) first ??= Line;
        return base.VisitConvert(e);
    }
}
