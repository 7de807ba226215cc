using Accel.Runtime.Devices;

namespace Accel.Runtime.Emulator.Hosting;

/// <summary>Buffers for arrays whose element type is known only at run time (a kernel's stimulus arrays).</summary>
internal static class TypedBuffers
{
    /// <summary>Allocates a buffer for <paramref name="argument"/> as long as <paramref name="contents"/>, writes them and syncs to the device.
    /// The byte case tests the exact type: the runtime lets `is sbyte[]` hold for a byte[] (and the reverse), and a
    /// port of structs uploads its bytes (<see cref="Accel.Codegen.Reference.BoardLayout"/>).</summary>
    public static IBuffer Upload(IKernel kernel, string argument, Array contents) => contents switch
    {
        byte[] a when contents.GetType() == typeof(byte[]) => Upload(kernel, argument, a),
        sbyte[] a => Upload(kernel, argument, a),
        short[] a => Upload(kernel, argument, a),
        ushort[] a => Upload(kernel, argument, a),
        int[] a => Upload(kernel, argument, a),
        uint[] a => Upload(kernel, argument, a),
        long[] a => Upload(kernel, argument, a),
        ulong[] a => Upload(kernel, argument, a),
        float[] a => Upload(kernel, argument, a),
        double[] a => Upload(kernel, argument, a),
        bool[] a => Upload(kernel, argument, a),
        _ => throw new DeviceArgumentException($"kernel '{kernel.Name}' argument '{argument}': no buffer for arrays of {contents.GetType().GetElementType()?.Name}"),
    };

    /// <summary>Syncs a buffer from the device and returns its contents as a new array.</summary>
    public static Array Download(IBuffer buffer) => buffer switch
    {
        IBuffer<sbyte> b => Download(b),
        IBuffer<byte> b => Download(b),
        IBuffer<short> b => Download(b),
        IBuffer<ushort> b => Download(b),
        IBuffer<int> b => Download(b),
        IBuffer<uint> b => Download(b),
        IBuffer<long> b => Download(b),
        IBuffer<ulong> b => Download(b),
        IBuffer<float> b => Download(b),
        IBuffer<double> b => Download(b),
        IBuffer<bool> b => Download(b),
        _ => throw new DeviceArgumentException($"no download for a buffer of {buffer.ElementType.Name}"),
    };

    private static IBuffer<T> Upload<T>(IKernel kernel, string argument, T[] contents) where T : unmanaged
    {
        var buffer = kernel.AllocateBuffer<T>(argument, contents.Length);
        try
        {
            buffer.Write(contents);
            buffer.SyncToDevice();
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    private static T[] Download<T>(IBuffer<T> buffer) where T : unmanaged
    {
        buffer.SyncFromDevice();
        var contents = new T[buffer.Length];
        buffer.Read(contents);
        return contents;
    }
}
