using Accel.Hw;

namespace TestKernels;

/// <summary>A stream one function both writes and reads: a queue of its own, not a channel between processes.</summary>
[Kernel("own_stream")]
public sealed class OwnStream(int n = 16)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        var q = new Stream<int>(4);
        for (int i = 0; i < n; i++)
        {
            q.Write(x[i] * 2);
            y[i] = q.Read() + 1;
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var x = new int[n];
        for (int i = 0; i < n; i++) x[i] = i;
        s.Array("x", x).Output<int>("y", n);
    }
}

/// <summary>The same queue read in the pipelined iteration that wrote it.</summary>
[Kernel("own_stream_pipelined")]
public sealed class OwnStreamPipelined(int n = 16)
{
    [Top]
    public void Run([MAxi("gmem0")] int[] x, [MAxi("gmem1")] int[] y)
    {
        var q = new Stream<int>(4);
        for (int i = 0; i < n; i++)
        {
            Hls.Pipeline(1);
            q.Write(x[i] * 2);
            y[i] = q.Read() + 1;
        }
    }

    [Stimulus]
    public void Stimulus(Stimulus s)
    {
        var x = new int[n];
        for (int i = 0; i < n; i++) x[i] = i;
        s.Array("x", x).Output<int>("y", n);
    }
}
