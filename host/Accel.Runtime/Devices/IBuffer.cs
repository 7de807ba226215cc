namespace Accel.Runtime.Devices;

/// <summary>
/// Device memory with a host-side copy. Write/Read/Map touch the host copy; SyncToDevice and
/// SyncFromDevice move it across. Use a buffer from one thread at a time, and keep it alive until
/// every run using it has finished.
/// </summary>
public interface IBuffer : IDisposable
{
    /// <summary>Memory bank (MEM_TOPOLOGY index, XRT's memory group) the buffer lives in.</summary>
    int BankIndex { get; }

    long SizeBytes { get; }

    Type ElementType { get; }

    void SyncToDevice();

    void SyncFromDevice();
}

/// <summary>A buffer of <see cref="Length"/> elements of <typeparamref name="T"/>.</summary>
public interface IBuffer<T> : IBuffer where T : unmanaged
{
    int Length { get; }

    /// <summary>Copies <paramref name="source"/> into the host copy at element <paramref name="offset"/>; refused if it does not fit.</summary>
    void Write(ReadOnlySpan<T> source, int offset = 0);

    /// <summary>Fills <paramref name="destination"/> from the host copy at element <paramref name="offset"/>; refused if it does not fit.</summary>
    void Read(Span<T> destination, int offset = 0);

    /// <summary>The host copy itself, valid until the buffer is disposed.</summary>
    Span<T> Map();
}
