using System.Reflection;
using CommandLine;

namespace Accel.Cli;

/// <summary>What the parser lets through but a user never means: a single-valued option given twice (the last one
/// would silently win) and positional arguments beyond the verb's own.</summary>
public static class ArgumentChecks
{
    public static void Check(string[] args, IEnumerable<Type> optionTypes)
    {
        if (args.Length == 0) return;
        var type = optionTypes.FirstOrDefault(t => t.GetCustomAttribute<VerbAttribute>()?.Name == args[0]);
        if (type is null) return;   // the parser reports an unknown verb
        // The parser also reads options declared on an interface the verb implements (IKernelChoice).
        var options = type.GetProperties().Concat(type.GetInterfaces().SelectMany(i => i.GetProperties()))
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<OptionAttribute>()))
            .Where(o => o.Attribute is not null)
            .ToList();
        int positionals = type.GetProperties().Count(p => p.GetCustomAttribute<ValueAttribute>() is not null);
        var seen = new HashSet<string>();
        var extra = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            var token = args[i];
            if (token == "--") { extra.AddRange(args.Skip(i + 1)); break; }
            if (!token.StartsWith('-') || token.Length == 1 || IsNumber(token))
            {
                extra.Add(token);
                continue;
            }
            var name = token.TrimStart('-').Split('=', 2)[0];
            var option = options.FirstOrDefault(o => o.Attribute!.LongName == name || (name.Length == 1 && o.Attribute!.ShortName == name));
            if (option.Property is null) return;   // unknown option: the parser reports it
            bool sequence = option.Property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(option.Property.PropertyType);
            if (!sequence && !seen.Add(option.Attribute!.LongName))
                throw new UsageException($"--{option.Attribute!.LongName} is given twice; give it once");
            if (token.Contains('=') || option.Property.PropertyType == typeof(bool)) continue;
            if (sequence)
                while (i + 1 < args.Length && (!args[i + 1].StartsWith('-') || IsNumber(args[i + 1]))) i++;
            else
                i++;
        }
        if (extra.Count > positionals)
            throw new UsageException($"unexpected argument '{extra[positionals]}': `accel {args[0]}` takes {positionals} positional argument(s) (see accel {args[0]} --help)");
    }

    private static bool IsNumber(string token) => double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
