using Accel.Codegen.Ir;
using Accel.Codegen.Passes;

namespace Accel.Codegen.Backends.Rtl;

/// <summary>FIFO accesses of a pipelined loop body. The RTL pops an iteration's FIFO words at stage 0 before the
/// body has run, and stalls on a FIFO's occupancy by a count fixed per iteration, so an access under a condition
/// the body computes (an if or a ?: whose condition is not a generation-time constant) is reported.</summary>
internal sealed class StreamOps(VerilogPrinter printer, RtlRejections rejections) : IrWalker
{
    private int conditions;

    public static void RejectConditional(BlockStmt body, VerilogPrinter printer, RtlRejections rejections) =>
        new StreamOps(printer, rejections).Walk(body);

    public override void VisitIf(IfStmt s)
    {
        Walk(s.Condition);
        if (printer.Known(s.Condition) is { } k)
        {
            if (k != 0) Walk(s.Then);
            else Walk(s.Else);
            return;
        }
        conditions++;
        Walk(s.Then);
        Walk(s.Else);
        conditions--;
    }

    public override bool VisitConditional(ConditionalExpr e)
    {
        Walk(e.Condition);
        if (printer.Known(e.Condition) is { } k)
        {
            Walk(k != 0 ? e.WhenTrue : e.WhenFalse);
            return true;
        }
        conditions++;
        Walk(e.WhenTrue);
        Walk(e.WhenFalse);
        conditions--;
        return true;
    }

    public override bool VisitIntrinsic(IntrinsicExpr e)
    {
        if (conditions > 0 && e.Intrinsic is Intrinsic.StreamRead or Intrinsic.StreamWrite)
            rejections.Report(Line, $"a stream {(e.Intrinsic == Intrinsic.StreamRead ? "read" : "write")} under a condition in a pipelined loop");
        return base.VisitIntrinsic(e);
    }
}
