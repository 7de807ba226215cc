using Accel.Hw;

// Statements outside the kernel subset: exceptions, async, foreach, goto, side effects inside expressions,
// checked, do-while.

[Kernel("throw_statement")]
public sealed class ThrowStatement(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        if (data[0] < 0) throw new ArgumentException(); //! ACCEL0015
        data[1] = 1;
    }
}

[Kernel("try_catch")]
public sealed class TryCatch(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        try { data[0] = 1; } catch (Exception) { data[0] = 2; } //! ACCEL0015
    }
}

[Kernel("async_use")]
public sealed class AsyncUse(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        LaterAsync();
        data[0] = 1;
    }
    async void LaterAsync() { await Task.Yield(); } //! ACCEL0017
}

[Kernel("foreach")]
public sealed class Foreach(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int s = 0;
        foreach (var v in data) s += v; //! ACCEL0019
        data[0] = s;
    }
}

[Kernel("goto_statement")]
public sealed class GotoStatement(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int i = 0;
        again: i++; //! ACCEL0020
        if (i < 3) goto again;
        data[0] = i;
    }
}

[Kernel("assignment_in_expression")]
public sealed class AssignmentInExpression(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int a = 0;
        data[0] = (a = 5); //! ACCEL0025
    }
}

[Kernel("increment_in_expression")]
public sealed class IncrementInExpression(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int i = 0;
        data[i++] = 5; //! ACCEL0025
    }
}

[Kernel("impure_call_in_expression")]
public sealed class ImpureCallInExpression(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        var s = new Stream<int>(2);
        s.Write(1);
        s.Write(2);
        data[0] = data[1] > 0 ? s.Read() : 0; //! ACCEL0026
    }
}

[Kernel("break_inside_section")]
public sealed class BreakInsideSection(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        switch (data[0])
        {
            case 1:
                if (data[2] > 0) break; //! ACCEL0028
                data[1] = 2;
                break;
            default:
                data[1] = 3;
                break;
        }
    }
}

[Kernel("switch_statement")]
public sealed class SwitchStatement(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        switch (data[0]) { case > 5: data[1] = 2; break; default: data[1] = 3; break; } //! ACCEL0028
    }
}

[Kernel("checked_use")]
public sealed class CheckedUse(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = checked(data[1] + data[2]); //! ACCEL0029
    }
}

[Kernel("do_while")]
public sealed class DoWhile(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int i = 0;
        do //! ACCEL0052
        {
            data[i] = i;
            i++;
        } while (i < n);
    }
}
