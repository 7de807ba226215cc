using System.Text;
using System.Text.RegularExpressions;

namespace Accel.Runtime.Xrt;

/// <summary>
/// XRT reports why a C API call failed only as a log message (the call itself returns -1 or null).
/// Accel asks XRT to log to a file of its own and, after a failed call, puts the new lines into the
/// exception. This replaces XRT's default of printing to the console; the file is deleted at exit.
/// With calls failing on several threads at once, a message may land in a neighbour's exception.
/// </summary>
internal static partial class XrtLog
{
    private static readonly Lock Gate = new();
    private static string? path;
    private static long position;

    public static string? FilePath => path;

    /// <summary>Must run before XRT reads its configuration, i.e. before the first device is opened.</summary>
    public static void Start()
    {
        var file = Path.Combine(Path.GetTempPath(), $"accel-xrt-{Environment.ProcessId}.log");
        File.Delete(file);
        if (XrtNative.xrtIniStringSet("Runtime.runtime_log", file) != 0)
            return;   // XRT was configured earlier in this process; errors then carry errno only
        path = file;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
    }

    /// <summary>XRT's messages logged since the previous call, one per line, without date and thread prefixes.</summary>
    public static string TakeNewMessages()
    {
        lock (Gate)
        {
            if (path is null || !File.Exists(path))
                return "";
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length <= position)
                return "";
            stream.Position = position;
            var text = new StreamReader(stream, Encoding.UTF8).ReadToEnd();
            position = stream.Length;
            return Parse(text);
        }
    }

    // "[Mon Nov 23 17:47:48 2026 GMT] [XRT] Tid: 1407,  ERROR: No such kernel 'nope'" -> "ERROR: No such kernel 'nope'".
    // Lines before the first [XRT] line are the banner XRT writes when it opens the log.
    private static string Parse(string text)
    {
        var messages = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var match = MessageLine().Match(line);
            if (match.Success)
                messages.Add(match.Groups["text"].Value.Trim());
            else if (messages.Count > 0 && line.Trim().Length > 0)
                messages[^1] += " " + line.Trim();
        }
        return string.Join("; ", messages);
    }

    [GeneratedRegex(@"\[XRT\]\s*(Tid:\s*\d+,\s*)?(?<text>.*)$")]
    private static partial Regex MessageLine();
}
