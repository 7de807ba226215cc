using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Accel.Codegen.Frontend;

/// <summary>A set of C# kernel sources compiled together, with the assembly that runs them. Built-in kernels
/// come from the sources embedded in Accel.Kernels (the same text that was compiled into it); a user's file is
/// compiled here in memory, so both go through one path afterwards.</summary>
public sealed class KernelProject
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>What every kernel compiles against besides the framework: the vocabulary, and MathNet.Numerics for
    /// generation-time tables (the GELU table's normal CDF). The built-in sources, a user's files and the emulator's
    /// hooked copy (made from this compilation) all get them; the assemblies Roslyn emits resolve them at run time
    /// from this process, which references both.</summary>
    public static IReadOnlyList<Assembly> KernelReferences { get; } =
        [typeof(Hw.KernelAttribute).Assembly, typeof(MathNet.Numerics.SpecialFunctions).Assembly];

    public CSharpCompilation Compilation { get; }
    public Assembly RuntimeAssembly { get; }
    public IReadOnlyList<KernelInfo> Kernels { get; }

    private KernelProject(CSharpCompilation compilation, Assembly runtimeAssembly)
    {
        Compilation = compilation;
        RuntimeAssembly = runtimeAssembly;
        Kernels = KernelDiscovery.Find(compilation, runtimeAssembly);
    }

    /// <summary>The kernels of hw/Accel.Kernels.</summary>
    public static KernelProject BuiltIn(Assembly kernelsAssembly)
    {
        const string prefix = "kernel-source:";
        var trees = kernelsAssembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(kernelsAssembly.GetManifestResourceStream(n)!);
                var path = "hw/Accel.Kernels/" + n[prefix.Length..].Replace('\\', '/');
                return CSharpSyntaxTree.ParseText(reader.ReadToEnd(), ParseOptions, path);
            })
            .ToList();
        var compilation = Compile(kernelsAssembly.GetName().Name!, trees, []);
        ThrowOnErrors(compilation);
        return new KernelProject(compilation, kernelsAssembly);
    }

    /// <summary>A user's kernel files. <paramref name="extraReferences"/> are assemblies the files may use
    /// besides the vocabulary (e.g. Accel.Kernels for its table helpers).</summary>
    public static KernelProject FromFiles(IReadOnlyList<string> paths, IEnumerable<Assembly> extraReferences)
    {
        var trees = paths.Select(p => File.Exists(p)
                ? CSharpSyntaxTree.ParseText(File.ReadAllText(p), ParseOptions, p)
                : throw new FileNotFoundException($"kernel source '{p}' does not exist", p))
            .ToList();
        var compilation = Compile("UserKernels_" + Guid.NewGuid().ToString("N"), trees, extraReferences);
        ThrowOnErrors(compilation);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success) ThrowOnErrors(compilation, emitted.Diagnostics);
        return new KernelProject(compilation, Assembly.Load(image.ToArray()));
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The global usings an SDK project gets by default, so a kernel file compiles here as it does in a project.</summary>
    private static readonly SyntaxTree ImplicitUsings = CSharpSyntaxTree.ParseText(
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n",
        ParseOptions, "<implicit usings>");

    private static CSharpCompilation Compile(string name, IEnumerable<SyntaxTree> trees, IEnumerable<Assembly> extra)
    {
        trees = trees.Append(ImplicitUsings);
        var references = FrameworkReferences.Value
            .AddRange(KernelReferences.Select(a => MetadataReference.CreateFromFile(a.Location)))
            .AddRange(extra.Select(a => MetadataReference.CreateFromFile(a.Location)));
        return CSharpCompilation.Create(name, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: true, optimizationLevel: OptimizationLevel.Release, deterministic: true));
    }

    private static void ThrowOnErrors(CSharpCompilation compilation, IEnumerable<Microsoft.CodeAnalysis.Diagnostic>? extra = null)
    {
        var errors = compilation.GetDiagnostics().Concat(extra ?? [])
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Locations.At(DiagnosticIds.CSharpError.Id, d.Location, $"C# error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"))
            .Distinct()
            .ToList();
        if (errors.Count > 0) throw new KernelDiagnosticsException(errors);
    }
}
