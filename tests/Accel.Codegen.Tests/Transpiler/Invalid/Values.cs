using Accel.Hw;

// Values outside the kernel subset: arrays sized at run time, strings, collections, pointers, dynamic, whole-array
// assignment, lookup-table writes.

[Kernel("runtime_array")]
public sealed class RuntimeArray(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[] buffer = new int[data[0]]; //! ACCEL0012
        data[1] = buffer[0];
    }
}

[Kernel("string_use")]
public sealed class StringUse(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        string name = "x"; //! ACCEL0016
        data[0] = name.Length;
    }
}

[Kernel("dictionary")]
public sealed class Dictionary(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        var map = new Dictionary<int, int>(); //! ACCEL0018
        data[0] = 1;
    }
}

[Kernel("list")]
public sealed class List(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        var list = new List<int>(); //! ACCEL0018
        data[0] = 1;
    }
}

[Kernel("unsafe_pointer")]
public sealed class UnsafePointer(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        unsafe { int v = 5; int* p = &v; data[0] = *p; } //! ACCEL0021
    }
}

[Kernel("dynamic_use")]
public sealed class DynamicUse(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        dynamic d = 5; //! ACCEL0022
        data[0] = 1;
    }
}

[Kernel("array_initializer")]
public sealed class ArrayInitializer(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[] weights = new int[4] { 1, 2, 3, 4 }; //! ACCEL0053
        for (int i = 0; i < 4; i++) data[i] = weights[i];
    }
}

[Kernel("assign_whole_array")]
public sealed class AssignWholeArray(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[] a = new int[4];
        int[] b = new int[4];
        for (int i = 0; i < 4; i++) a[i] = data[i];
        b = a; //! ACCEL0054
        data[0] = b[0];
    }
}

[Kernel("write_lookup_table")]
public sealed class WriteLookupTable(int n = 4)
{
    [LookupTable] readonly int[] table = [1, 2, 3, 4];

    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        table[0] = data[0]; //! ACCEL0055
        data[1] = table[1];
    }
}

[Kernel("array_shapes_differ")]
public sealed class ArrayShapesDiffer(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        var square = new int[4, 4];
        var wide = new int[2, 8];
        Clear(square);
        Clear(wide); //! ACCEL0060
        data[0] = square[1, 1] + wide[1, 7];
    }

    void Clear(int[,] m)
    {
        for (int i = 0; i < 2; i++)
            m[i, 1] = i;
    }
}
