using Accel.Kernels.Catalog;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Accel.Dse;

/// <summary>Measured points on disk, one JSON file per configuration: &lt;root&gt;/&lt;target&gt;/&lt;hash&gt;.json, so an
/// interrupted sweep resumes where it stopped and a repeated one costs nothing. The hash covers the whole
/// configuration, the part, board, clock and seed, and the builds of the assemblies whose code decides the
/// figures (deterministic builds: their module ids change only when their code does), so a changed kernel,
/// emulator or estimator never reuses a stale entry.</summary>
public sealed class DseCache(string root)
{
    public const string DefaultRoot = "build/dse/cache";
    private const int FormatVersion = 1;

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    private static readonly string CodeFingerprint = string.Join(",", new[]
    {
        typeof(Kernels.Softmax), typeof(Emulation.Kernels.KernelEmulator), typeof(Resources.ResourceEstimator),
        typeof(Codegen.Transpiler), typeof(Kernels.Catalog.KernelCatalog), typeof(Testbenches.Csim), typeof(EdgeMoe.EncoderConfig), typeof(DseCache),
    }.Select(t => t.Assembly.ManifestModule.ModuleVersionId));

    public string Root => root;

    public string PathOf(IDseTarget target, string canonical, DseSettings s)
    {
        var key = $"v{FormatVersion}|{target.Name}|{canonical}|{s.Part.Name}|{s.Board}|{s.ClockMhz.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}|{s.Seed}|{CodeFingerprint}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20];
        return Path.Combine(root, target.Name, hash + ".json");
    }

    public DsePoint? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<DsePoint>(File.ReadAllText(path), Json)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"dse cache file {path} is not a measured point ({e.Message}); delete it to measure the point again");
        }
    }

    /// <summary>Writes through a temporary file and a rename (<see cref="Codegen.Backends.AtomicFile"/>), so a parallel
    /// reader or an interrupted run never sees half a file; a failed write (a full disk) deletes its temporary file.</summary>
    public void Write(string path, DsePoint point)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Codegen.Backends.AtomicFile.Write(path, System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(point, Json)));
    }
}
