namespace Accel.Emulation.Tests;

/// <summary>
/// Reads the value changes of a VCD file, keyed by the signal's scoped name, so a file can be compared with
/// what GTKWave's tools make of it (identifiers and value padding may differ between the two).
/// </summary>
internal static class VcdReader
{
    public static Dictionary<string, List<(long Time, long Value)>> Changes(string text)
    {
        var names = new Dictionary<string, string>();
        var changes = new Dictionary<string, List<(long, long)>>();
        var scope = new Stack<string>();
        long time = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith("$scope"))
            {
                scope.Push(parts[2]);
            }
            else if (line.StartsWith("$upscope"))
            {
                scope.Pop();
            }
            else if (line.StartsWith("$var"))
            {
                string name = string.Join('.', scope.Reverse().Append(parts[4]));
                names[parts[3]] = name;
                changes[name] = [];
            }
            else if (line.StartsWith('#'))
            {
                time = long.Parse(line[1..]);
            }
            else if (line.StartsWith('b'))
            {
                changes[names[parts[1]]].Add((time, Convert.ToInt64(parts[0][1..], 2)));
            }
            else if (line.Length >= 2 && line[0] is '0' or '1' && names.TryGetValue(line[1..], out var scalar))
            {
                changes[scalar].Add((time, line[0] - '0'));
            }
        }
        return changes;
    }
}
