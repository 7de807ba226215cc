namespace Accel.Codegen.Frontend;

/// <summary>Kernel and configuration names become folder names under build/: each must be one plain path
/// segment, so no name can lead a write outside its folder.</summary>
public static class PathSegment
{
    /// <summary>Why <paramref name="name"/> cannot be a folder name, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0) return "is empty";
        if (name is "." or "..") return "is a relative path; use letters, digits, '-', '_' and '.'";
        if (name.Length > 100) return "is longer than 100 characters";
        if (name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || name.StartsWith('.') || name.StartsWith('-'))
            return "must be one folder name: letters, digits, '-', '_' and '.', not starting with '.' or '-'";
        return null;
    }
}
