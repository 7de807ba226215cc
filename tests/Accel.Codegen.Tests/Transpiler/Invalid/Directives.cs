using Accel.Hw;

// Directives that cannot be printed: arguments that are not constants, misplaced directives, ALLOCATION,
// DEPENDENCE and ARRAY_RESHAPE misuse.

[Kernel("non_constant_directive")]
public sealed class NonConstantDirective(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        for (int i = 0; i < n; i++)
        {
            Hls.Unroll(data[0]); //! ACCEL0005
            data[i] = i;
        }
    }
}

[Kernel("misplaced_directive")]
public sealed class MisplacedDirective(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        for (int i = 0; i < n; i++)
        {
            data[i] = i;
            Hls.Pipeline(1); //! ACCEL0006
        }
    }
}

// No instance at all cannot serve the calls.
[Kernel("allocation_limit_zero")]
public sealed class AllocationLimitZero(int n = 4)
{
    static int Twice(int x) => 2 * x;

    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        for (int i = 0; i < 16; i++)
        {
            Hls.Pipeline(1);
            Hls.Allocation(Twice, 0); //! ACCEL0042
            data[i] = Twice(data[i]);
        }
    }
}

// Hls.Allocation names a .NET method, which
// is no hardware function of the kernel.
[Kernel("allocation_not_a_kernel_method")]
public sealed class AllocationNotAKernelMethod(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        for (int i = 0; i < 16; i++)
        {
            Hls.Pipeline(1);
            Hls.Allocation(double.IsNaN, 1); //! ACCEL0042
            data[i] = data[i] * 2;
        }
    }
}

// The distance follows a value the kernel reads,
// so no configuration fixes it and no pragma can print it.
[Kernel("dependence_distance_not_fixed")]
public sealed class DependenceDistanceNotFixed(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        int[] acc = new int[4];
        Step(data, acc, data[0]);
        Step(data, acc, 2);
    }

    static void Step(int[] data, int[] acc, int k)
    {
        for (int i = 0; i < 16; i++)
        {
            Hls.Pipeline(1);
            Hls.Dependence(acc, distance: k); //! ACCEL0042
            acc[i & 3] += data[i];
        }
        data[1] = acc[0];
    }
}

// A lookup table is a ROM of its own entries; it
// can be partitioned into banks but not reshaped into wider words.
[Kernel("reshape_lookup_table")]
public sealed class ReshapeLookupTable(int n = 4)
{
    [LookupTable] readonly int[] curve = [1, 2, 3, 4, 5, 6, 7, 8];

    [Top]
    public void Run([MAxi("gmem0")] int[] data)
    {
        Hls.ArrayReshape(curve, PartitionKind.Cyclic, 2); //! ACCEL0042
        for (int i = 0; i < 8; i++) data[i] = curve[i];
    }
}
