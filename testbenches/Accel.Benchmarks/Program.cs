using Accel.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// `make bench`: BenchmarkDotNet suites, then the side-by-side C-simulation measurement.
// Arguments go to BenchmarkDotNet (e.g. --filter '*Softmax*'); `--side-by-side-only` skips the suites.
if (!args.Contains("--side-by-side-only"))
    BenchmarkSwitcher.FromAssembly(typeof(TranspileBenchmarks).Assembly)
        .Run(args, DefaultConfig.Instance.WithArtifactsPath(Path.Combine("build", "bench", "BenchmarkDotNet.Artifacts")));
SideBySide.Run();
