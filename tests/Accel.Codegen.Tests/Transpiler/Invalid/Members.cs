using Accel.Hw;

// Kernel class members outside the subset: C++ keywords as names, mutable static and instance fields.

[Kernel("cpp_keyword")]
public sealed class CppKeyword(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int register = 3; //! ACCEL0008
        data[0] = register;
    }
}

[Kernel("static_mutable_field")]
public sealed class StaticMutableField(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = counter;
    }
    static int counter = 3; //! ACCEL0023
}

[Kernel("instance_field")]
public sealed class InstanceField(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        data[0] = state;
    }
    int state = 4; //! ACCEL0027
}
