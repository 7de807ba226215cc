using Accel.Hw;

// Top-level ports outside the subset: a missing interface, unsupported port types and dimensions, interfaces on
// the wrong kind of argument.

[Kernel("port_without_maxi")]
public sealed class PortWithoutMaxi(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] data, int[] plain) //! ACCEL0007
    {
        data[0] = 1;
        plain[0] = 2;
    }

}

// A port has at most three dimensions
[Kernel("four_dimensional_port")]
public sealed class FourDimensionalPort(int n = 2)
{
    [Top]
    public void Run([MAxi("gmem0")] int[,,,] data) //! ACCEL0031
    {
        data[0, 0, 0, 0] = n;
    }

    [Stimulus]
    public void Stimulus(Stimulus s) => s.Array("data", new int[n, n, n, n]);
}

// A top-level stream needs [Axis]
[Kernel("stream_without_axis")]
public sealed class StreamWithoutAxis(int n = 4)
{
    [Top]
    public void Run([Axis] Stream<int> x,
        Stream<int> y) //! ACCEL0031
    {
        for (int i = 0; i < n; i++)
            y.Write(x.Read());
    }
}

// A 2-D port takes its dimensions from the
// [Stimulus], and this kernel has none
[Kernel("two_dimensional_port_without_stimulus")]
public sealed class TwoDimensionalPortWithoutStimulus(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[,] data) //! ACCEL0031
    {
        data[0, 0] = n;
    }
}

// An ap_memory port is an array, not a stream
[Kernel("apmemory_on_stream")]
public sealed class ApmemoryOnStream(int n = 4)
{
    [Top]
    public void Run([Axis] Stream<int> x,
        [ApMemory] Stream<int> y) //! ACCEL0056
    {
        for (int i = 0; i < n; i++)
            y.Write(x.Read());
    }
}

// Ap_vld is for a scalar
[Kernel("apvld_on_array")]
public sealed class ApvldOnArray(int n = 4)
{
    [Top]
    public void Run([ApMemory] int[] x,
        [ApVld] int[] y) //! ACCEL0056
    {
        for (int i = 0; i < n; i++)
            y[i] = x[i];
    }
}

// An axis port is a Stream<T>, not an array
[Kernel("axis_on_array")]
public sealed class AxisOnArray(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x,
        [Axis] int[] y) //! ACCEL0056
    {
        for (int i = 0; i < n; i++)
            y[i] = x[i];
    }
}

// Interfaces belong to the top function's parameters
[Kernel("interface_off_top")]
public sealed class InterfaceOffTop(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        Copy(x, y);
    }

    private void Copy(int[] from,
        [ApMemory] int[] to) //! ACCEL0056
    {
        for (int i = 0; i < n; i++)
            to[i] = from[i];
    }
}

// One interface per parameter
[Kernel("two_interfaces")]
public sealed class TwoInterfaces(int n = 4)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x,
        [MAxi("gmem1"), ApMemory] int[] y) //! ACCEL0057
    {
        for (int i = 0; i < n; i++)
            y[i] = x[i];
    }
}

// An axis port has one direction; the write is in a callee
[Kernel("axis_read_and_written")]
public sealed class AxisReadAndWritten(int n = 4)
{
    [Top]
    public void Run([Axis] Stream<int> x,
        [Axis] Stream<int> y) //! ACCEL0058
    {
        for (int i = 0; i < n; i++)
        {
            int v = x.Read() + y.Read();
            Echo(y, v);
        }
    }

    private static void Echo(Stream<int> s, int v) => s.Write(v);
}
