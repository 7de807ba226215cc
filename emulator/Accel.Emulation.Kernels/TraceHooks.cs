using Accel.Codegen.Reference;
namespace Accel.Emulation.Kernels;

/// <summary>The calls the rewritten kernel source makes. They forward to the session recording on this thread;
/// the rewritten code exists only while it is emulated, so a session is always there.</summary>
public static class TraceHooks
{
    [ThreadStatic] private static TraceSession? session;

    internal static TraceSession? Session { get => session; set => session = value; }

    public static void Enter(long cycles) => session!.Enter(cycles);
    /// <param name="name">the loop as a message names it ('loop3_line54' at File.cs:54 in Function)</param>
    /// <param name="trips">its iterations, when the rewriter could count them before it runs; -1 otherwise</param>
    public static void LoopBegin(int loop, string name, long trips) => session!.LoopBegin(loop, name, trips);
    public static void Iteration(int loop) => session!.Iteration();
    public static void LoopEnd(int loop) => session!.LoopEnd();
    /// <summary>Around an unrolled loop whose copies of its pipelined loop run side by side, and at each copy.</summary>
    public static void CopiesBegin() => session!.CopiesBegin();
    public static void NextCopy() => session!.NextCopy();
    public static void CopiesEnd() => session!.CopiesEnd();
    public static void BeginProcess(int process, string name) => session!.BeginProcess(process, name);
    public static void EndProcess() => session!.EndProcess();

    /// <summary>The exception filter around each loop: freezes the loop a message names, never catches.</summary>
    public static bool Unwinding() => Accel.Codegen.Reference.RunActivity.Unwinding();

    /// <summary>An element of a one-dimensional array, recorded at its index. C# indexes arrays with any of int,
    /// uint, long and ulong (and narrower types promoted); the index keeps its own type, so the rewritten access
    /// compiles whatever the kernel's loop variable is.</summary>
    /// <param name="kind">0 read, 1 write, 2 read and write</param>
    /// <returns><paramref name="index"/>, so the access itself is unchanged</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static TIndex Touch<T, TIndex>(T[] array, TIndex index, int kind) where TIndex : System.Numerics.IBinaryInteger<TIndex>
    {
        session!.Touch(array, int.CreateTruncating(index), kind);
        return index;
    }

    /// <summary>An element of a multi-dimensional port, recorded at its row-major position and returned by reference,
    /// so the rewritten access reads, writes or updates it as the original did. Indices come as long, which every
    /// C# index type but ulong converts to (the rewriter casts).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ref T Touch<T>(T[,] array, long i, long j, int kind)
    {
        session!.Touch(array, unchecked((int)(i * array.GetLength(1) + j)), kind);
        return ref array[i, j];
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static ref T Touch<T>(T[,,] array, long i, long j, long k, int kind)
    {
        session!.Touch(array, unchecked((int)((i * array.GetLength(1) + j) * array.GetLength(2) + k)), kind);
        return ref array[i, j, k];
    }
}
