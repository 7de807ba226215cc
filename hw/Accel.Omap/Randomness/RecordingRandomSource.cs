namespace Accel.Omap.Randomness;

/// <summary>
/// Passes another source through and, while recording, keeps every 64-bit word it hands out: the exact words a
/// map consumed, which the hardware controller is then given to make the same draws. For tests and the timing
/// model only; recorded randomness must never leave trusted memory in production.
/// </summary>
public sealed class RecordingRandomSource(IRandomSource inner) : IRandomSource
{
    private readonly List<ulong> words = [];
    private bool recording;

    public void StartRecording()
    {
        words.Clear();
        recording = true;
    }

    /// <summary>Stops recording and returns the words handed out since <see cref="StartRecording"/>.</summary>
    public ulong[] StopRecording()
    {
        recording = false;
        return [.. words];
    }

    public ulong NextUInt64()
    {
        ulong word = inner.NextUInt64();
        if (recording) words.Add(word);
        return word;
    }

    /// <summary>Byte draws (sealing keys) are not bin draws; recording them would misalign the controller's words.</summary>
    public void Fill(Span<byte> destination)
    {
        if (recording) throw new InvalidOperationException("RecordingRandomSource: byte draws while recording bin draws");
        inner.Fill(destination);
    }
}
