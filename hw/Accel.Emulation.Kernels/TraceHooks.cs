namespace Accel.Emulation.Kernels;

/// <summary>The calls the rewritten kernel source makes. They forward to the session recording on this thread;
/// the rewritten code exists only while it is emulated, so a session is always there.</summary>
public static class TraceHooks
{
    [ThreadStatic] private static TraceSession? session;

    internal static TraceSession? Session { get => session; set => session = value; }

    public static void Enter(long cycles) => session!.Enter(cycles);
    public static void LoopBegin(int loop) => session!.LoopBegin(loop);
    public static void Iteration(int loop) => session!.Iteration();
    public static void LoopEnd(int loop) => session!.LoopEnd();
    public static void BeginProcess(int process, string name) => session!.BeginProcess(process, name);
    public static void EndProcess() => session!.EndProcess();

    /// <param name="kind">0 read, 1 write, 2 read and write</param>
    /// <returns><paramref name="index"/>, so the access itself is unchanged</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int Touch<T>(T[] array, int index, int kind)
    {
        session!.Touch(array, index, kind);
        return index;
    }
}
