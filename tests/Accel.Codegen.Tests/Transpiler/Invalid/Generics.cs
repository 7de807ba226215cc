using System.Numerics;
using Accel.Hw;

// Generic code that cannot be specialised into C++ templates.

[Kernel("constraint")]
public sealed class Constraint(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Larger(data[1], data[2]);
    }

    static T Larger<T>(T a, T b)
        where T : IComparable<T> //! ACCEL0044
        => a.CompareTo(b) > 0 ? a : b;
}

[KernelLibrary]
public static class Pair<T>
{
    public static int Twice(int x) => x + x;
}

[Kernel("generic_class")]
public sealed class GenericClass(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Pair<int>.Twice(data[1]); //! ACCEL0044
    }
}

[Kernel("generic_top")]
public sealed class GenericTop(int n = 4)
{
    [Top]
    public void Run<T>([MAxi("gmem0")] T[] data) where T : INumber<T> //! ACCEL0044
    {
        data[0] = data[1] + data[2];
    }
}

[Kernel("instance_member")]
public sealed class InstanceMember(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Larger(data[1], data[2]);
    }

    static T Larger<T>(T a, T b) where T : INumber<T> => a.CompareTo(b) > 0 ? a : b; //! ACCEL0044
}

[Kernel("static_member")]
public sealed class StaticMember(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Magnitude(data[1]) + Magnitude(data[2]);
    }

    static T Magnitude<T>(T x) where T : INumber<T> => T.Abs(x); //! ACCEL0044
}

[Kernel("type_argument")]
public sealed class TypeArgument(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = (int)Max<nint>(data[1], data[2]); //! ACCEL0044
    }

    static T Max<T>(T a, T b) where T : INumber<T> => a > b ? a : b;
}

// Max<int> is the C++ function Max_int
[Kernel("specialisation_name_taken")]
public sealed class SpecialisationNameTaken(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = Max(data[1], data[2]);
        data[3] = Max_int(data[1], data[2]); //! ACCEL0051
    }

    static T Max<T>(T a, T b) where T : INumber<T> => a > b ? a : b;

    static int Max_int(int a, int b) => a > b ? a : b;
}
