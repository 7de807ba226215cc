using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Accel.Codegen.Reference;

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

    /// <summary>The kernels of hw/Accel.Kernels, not a user's --source files (which get build folders of their own).</summary>
    public bool IsBuiltIn { get; }

    private KernelProject(CSharpCompilation compilation, Assembly runtimeAssembly, bool isBuiltIn, IReadOnlySet<string> builtInNames)
    {
        IsBuiltIn = isBuiltIn;
        Compilation = compilation;
        RuntimeAssembly = runtimeAssembly;
        Kernels = KernelDiscovery.Find(compilation, runtimeAssembly);
        var problems = KernelDeclarations.Check(Kernels, builtInNames);
        if (problems.Count > 0) throw new KernelDiagnosticsException(problems);
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
                return Parse(reader.ReadToEnd(), path);
            })
            .ToList();
        var compilation = Compile(kernelsAssembly.GetName().Name!, trees, []);
        ThrowOnErrors(compilation);
        return new KernelProject(compilation, kernelsAssembly, isBuiltIn: true, builtInNames: new HashSet<string>());
    }

    /// <summary>A user's kernel files. <paramref name="extraReferences"/> are assemblies the files may use
    /// besides the vocabulary (e.g. Accel.Kernels for its table helpers).</summary>
    /// <param name="builtInNames">the built-in kernels' names, which these kernels may not take (none when null)</param>
    public static KernelProject FromFiles(IReadOnlyList<string> paths, IEnumerable<Assembly> extraReferences, IReadOnlySet<string>? builtInNames = null)
    {
        var trees = paths.Select(p => File.Exists(p)
                ? Parse(File.ReadAllText(p), p)
                : Directory.Exists(p)
                    ? throw new FileNotFoundException($"kernel source '{p}' is a folder; name the .cs files (--source a.cs,b.cs)", p)
                    : throw new FileNotFoundException($"kernel source '{p}' does not exist", p))
            .ToList();
        var compilation = Compile("UserKernels_" + Guid.NewGuid().ToString("N"), trees, extraReferences);
        ThrowOnErrors(compilation);
        var (assembly, diagnostics) = LoadInMemory(compilation);
        if (assembly is null) ThrowOnErrors(compilation, diagnostics);
        return new KernelProject(compilation, assembly!, isBuiltIn: false, builtInNames ?? new HashSet<string>());
    }

    /// <summary>Emits and loads a compilation with its portable PDB, so a fault in the kernel's code carries its
    /// file and line (<see cref="KernelFaultException"/>). Null and the errors when it does not compile.</summary>
    public static (Assembly? Assembly, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics) LoadInMemory(Compilation compilation)
    {
        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var emitted = compilation.Emit(image, symbols, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb));
        return emitted.Success ? (Assembly.Load(image.ToArray(), symbols.ToArray()), emitted.Diagnostics) : (null, emitted.Diagnostics);
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The global usings an SDK project gets by default, so a kernel file compiles here as it does in a project.</summary>
    private static readonly SyntaxTree ImplicitUsings = Parse(
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n",
        "<implicit usings>");

    /// <summary>With its encoding, so the compiled image can carry the PDB (file and line of what the kernel throws).</summary>
    private static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(text, System.Text.Encoding.UTF8), ParseOptions, path);

    private static CSharpCompilation Compile(string name, IEnumerable<SyntaxTree> trees, IEnumerable<Assembly> extra, OptimizationLevel optimization = OptimizationLevel.Release)
    {
        trees = trees.Append(ImplicitUsings);
        var references = FrameworkReferences.Value
            .AddRange(KernelReferences.Select(a => MetadataReference.CreateFromFile(a.Location)))
            .AddRange(extra.Select(a => MetadataReference.CreateFromFile(a.Location)));
        return CSharpCompilation.Create(name, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: true, optimizationLevel: optimization, deterministic: true));
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
