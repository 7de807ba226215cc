using Scriban;
using Scriban.Runtime;

namespace Accel.Codegen.Backends.Hls;

/// <summary>The one place Scriban is set up: member names as written, unknown names are errors (Scriban would
/// otherwise print them as empty text), `\n` newlines, no limits that could cut a large table short.</summary>
internal static class TemplateRenderer
{
    private static readonly Dictionary<string, Template> Cache = new();

    /// <param name="kind">the resource prefix of the back end's templates: hls-template or rtl-template</param>
    public static string Render(string templateName, object model, string kind = "hls-template")
    {
        var template = Load($"{kind}:{templateName}");
        var context = new TemplateContext
        {
            StrictVariables = true,
            MemberRenamer = member => member.Name,
            NewLine = "\n",
            LoopLimit = 0,
            LimitToString = 0,
            RecursiveLimit = 0,
        };
        var globals = new ScriptObject { ["model"] = model };
        context.PushGlobal(globals);
        var text = template.Render(context).Replace("\r\n", "\n");
        return text.EndsWith('\n') ? text : text + "\n";
    }

    public static string Resource(string name)
    {
        var assembly = typeof(TemplateRenderer).Assembly;
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InternalCompilerException($"missing embedded resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    public static IEnumerable<string> ResourceNames(string prefix) =>
        typeof(TemplateRenderer).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static Template Load(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var cached)) return cached;
            var template = Template.Parse(Resource(name), name);
            if (template.HasErrors)
                throw new InternalCompilerException($"template {name}: {string.Join("; ", template.Messages)}");
            return Cache[name] = template;
        }
    }
}
