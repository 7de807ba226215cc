namespace Accel.Runtime.Xclbin;

/// <summary>
/// A file is not a readable xclbin. The message names the file, the place (header, section and field)
/// and what was expected there, so a truncated or corrupt download can be told from a wrong file.
/// </summary>
public sealed class XclbinFormatException : Exception
{
    public XclbinFormatException(string fileName, string location, string problem, Exception? inner = null)
        : base($"{fileName}: {location}: {problem}", inner)
    {
        FileName = fileName;
        Location = location;
        Problem = problem;
    }

    /// <summary>The file path or stream name.</summary>
    public string FileName { get; }

    /// <summary>Where in the file, e.g. "section 3 (MemTopology) entry 2 m_tag".</summary>
    public string Location { get; }

    /// <summary>What was expected there and what was found.</summary>
    public string Problem { get; }
}
