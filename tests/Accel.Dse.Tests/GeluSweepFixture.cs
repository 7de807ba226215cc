using Accel.Codegen.Frontend;
using Accel.Kernels.Catalog;
using Accel.Testbenches;

namespace Accel.Dse.Tests;

/// <summary>One small GELU sweep (tableFracBits 10, 12, 16 x lanes 1, 4 on rows of 16) run once for every class
/// of the collection into a fresh cache, then run again from that cache.</summary>
public sealed class GeluSweepFixture : IDisposable
{
    public static readonly string[] Sweeps = ["tableFracBits=10,12,16", "lanes=1,4"];

    public string CacheRoot { get; } = Path.Combine(Path.GetTempPath(), $"accel-dse-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
    public DseSettings Settings { get; } = new(Parts.Zcu102, Jobs: 2);
    public KernelTarget Target { get; }
    public DseResult First { get; }
    public DseResult Second { get; }

    public GeluSweepFixture()
    {
        var project = KernelCatalog.BuiltIn;
        Target = new KernelTarget(project, KernelCatalog.Find(project, "gelu"), null, ["rowLength=16"]);
        var points = SweepSpace.Of(Target, Sweeps);
        First = DseRun.Sweep(Target, points, Settings, new DseCache(CacheRoot));
        Second = DseRun.Sweep(Target, points, Settings, new DseCache(CacheRoot));
    }

    public void Dispose() => Directory.Delete(CacheRoot, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class GeluSweepCollection : ICollectionFixture<GeluSweepFixture>
{
    public const string Name = "gelu sweep";
}
