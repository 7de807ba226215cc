using Accel.Hw;

// Calls outside the kernel subset: LINQ, lambdas and local functions, recursion, virtual and interface calls,
// library calls, ref parameters, other kernel instances.

[Kernel("linq")]
public sealed class Linq(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int s = data.Sum(); //! ACCEL0010
        data[0] = s;
    }
}

[Kernel("lambda_use")]
public sealed class LambdaUse(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        Func<int, int> twice = x => x * 2; //! ACCEL0011
        data[0] = 1;
    }
}

[Kernel("local_function")]
public sealed class LocalFunction(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = 1;
        int Twice(int x) => x * 2; //! ACCEL0011
        data[1] = Twice(2);
    }
}

[Kernel("recursion")]
public sealed class Recursion(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Factorial(n);
    }
    int Factorial(int k) => k <= 1 ? 1 : k * Factorial(k - 1); //! ACCEL0013
}

[Kernel("interface_call")]
public sealed class InterfaceCall(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        IComparable<int> c = n; //! ACCEL0014
        data[0] = c.CompareTo(3);
    }
}

[Kernel("virtual_call")]
public class VirtualCall(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Scale(3); //! ACCEL0014
    }
    public virtual int Scale(int x) => x * 2;
}

[Kernel("console_call")]
public sealed class ConsoleCall(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        Console.WriteLine("hello"); //! ACCEL0024
        data[0] = 1;
    }
}

[Kernel("float_math")]
public sealed class FloatMath(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        double x = data[0];
        data[1] = (int)Math.Exp(x); //! ACCEL0024
    }
}

[Kernel("library_call")]
public sealed class LibraryCall(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = (int)Math.Sin(data[1]); //! ACCEL0024
    }
}

[Kernel("ref_parameter")]
public sealed class RefParameter(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int v = 1;
        Bump(ref v);
        data[0] = v;
    }
    void Bump(ref int x) { x++; } //! ACCEL0030
}

[Kernel("call_on_another_instance")]
public sealed class CallOnAnotherInstance(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        var other = this; //! ACCEL0050
        data[0] = other.Twice(data[1]);
    }

    int Twice(int x) => 2 * x;
}
