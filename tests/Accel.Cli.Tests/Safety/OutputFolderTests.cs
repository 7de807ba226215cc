namespace Accel.Tests.Safety;

/// <summary>`gen` writes only inside its folder, replaces only what it wrote, and leaves no partial file.</summary>
public sealed class OutputFolderTests
{
    private const string Manifest = ".accel-manifest";

    [Fact]
    public void AFolderThatIsNotOursIsRefusedAndForceKeepsTheUsersFiles()
    {
        var dir = TestPaths.Scratch("out-not-ours");
        var mine = Path.Combine(dir, "notes.txt");
        File.WriteAllText(mine, "mine");

        var (refused, _, stderr) = AccelProcess.Run("gen", "gelu", "--config", "row16", "--out", dir);
        Assert.True(refused == 2, stderr);
        Assert.Contains("not written by Accel", stderr);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));

        var (forced, _, forcedErr) = AccelProcess.Run("gen", "gelu", "--config", "row16", "--out", dir, "--force");
        Assert.True(forced == 0, forcedErr);
        Assert.Equal("mine", File.ReadAllText(mine));
        Assert.True(File.Exists(Path.Combine(dir, "gelu.cpp")));
    }

    [Fact]
    public void ASecondGenReplacesOnlyItsOwnFilesAndRemovesItsStaleOnes()
    {
        var dir = Path.Combine(TestPaths.Scratch("out-ours"), "hls");
        Assert.Equal(0, AccelProcess.Run("gen", "gelu", "--config", "row16", "--out", dir).Exit);
        File.WriteAllText(Path.Combine(dir, "golden", "mine.txt"), "mine");   // a user's file inside our folder
        Directory.CreateDirectory(Path.Combine(dir, "proj"));                 // as vitis_hls -f run_hls.tcl makes

        var (exit, _, stderr) = AccelProcess.Run("gen", "softmax", "--config", "row16", "--out", dir);

        Assert.True(exit == 0, stderr);
        Assert.True(File.Exists(Path.Combine(dir, "softmax.cpp")));
        Assert.False(File.Exists(Path.Combine(dir, "gelu.cpp")));                  // ours, stale: removed
        Assert.False(File.Exists(Path.Combine(dir, "golden", "x.in.bin")));       // gelu's golden input
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "golden", "mine.txt")));
        Assert.True(Directory.Exists(Path.Combine(dir, "proj")));
        Assert.Empty(Directory.EnumerateFiles(dir, "*.accel-tmp-*", SearchOption.AllDirectories));
        Assert.Contains("softmax.cpp", File.ReadAllLines(Path.Combine(dir, Manifest)));
    }

    [Fact]
    public void AConfigurationNamedLikeAPathIsADiagnosticAndNothingIsWritten()
    {
        var dir = TestPaths.Scratch("out-escape");
        var work = Directory.CreateDirectory(Path.Combine(dir, "a", "b", "c")).FullName;
        var source = Path.Combine(dir, "Escape.cs");
        File.WriteAllText(source, """
            using Accel.Hw;
            [Kernel("escape")]
            [Config("../../..", "n=2")]
            public sealed class Escape([Range(1, 8)] int n = 1)
            {
                [Top] public void Run([MAxi("g")] int[] x) { for (int i = 0; i < n; i++) x[i] = x[i] + 1; }
                [Stimulus] public void Stimulus(Stimulus s) => s.Array("x", new int[8]);
            }
            """);

        var (exit, _, stderr) = AccelProcess.RunIn(work, "gen", "escape", "--source", source, "--config", "../../..");

        Assert.True(exit == 2, stderr);
        Assert.Contains("error ACCEL0009", stderr);
        Assert.Equal(["Escape.cs", "a"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    [Fact]
    public void TheSeedAndSourceKernelsGetFoldersOfTheirOwn()
    {
        var work = TestPaths.Scratch("out-names");
        Assert.Equal(0, AccelProcess.RunIn(work, "gen", "gelu", "--config", "row16", "--seed", "5").Exit);
        Assert.True(File.Exists(Path.Combine(work, "build", "hls", "gelu", "row16_seed-5", "gelu.cpp")));

        var source = Path.Combine(work, "Twice.cs");
        File.WriteAllText(source, """
            using Accel.Hw;
            [Kernel("twice")]
            public sealed class Twice
            {
                [Top] public void Run([MAxi("g")] int[] x) { for (int i = 0; i < 4; i++) x[i] = 2 * x[i]; }
                [Stimulus] public void Stimulus(Stimulus s) => s.Array("x", new int[] { 1, 2, 3, 4 });
            }
            """);
        Assert.Equal(0, AccelProcess.RunIn(work, "gen", "twice", "--source", source).Exit);
        Assert.True(File.Exists(Path.Combine(work, "build", "hls-source", "twice", "default", "twice.cpp")));
    }

    [Fact]
    public void AFullDiskLeavesThePreviousFolderAsItWasAndNoPartialFile()
    {
        // A 256 KiB tmpfs holds gelu row16's folder but not softmax with 8 rows of 4,096 scores (2 x 128 KiB of golden data beside the rest).
        var mount = TestPaths.Scratch("out-full");
        var mounted = Testbenches.ExternalProcess.Run("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mount], mount);
        Assert.True(mounted.ExitCode == 0, $"this test needs root to mount a small tmpfs: {mounted.Output}");
        try
        {
            var dir = Path.Combine(mount, "hls");
            Assert.Equal(0, AccelProcess.Run("gen", "gelu", "--config", "row16", "--out", dir).Exit);
            var before = Snapshot(dir);

            var (exit, _, stderr) = AccelProcess.Run("gen", "softmax", "--param", "rowLength=4096", "--out", dir);

            Assert.True(exit == 2, stderr);
            Assert.Contains("No space left on device", stderr);
            Assert.Contains(dir, stderr);
            Assert.Equal(before, Snapshot(dir));
        }
        finally
        {
            Testbenches.ExternalProcess.Run("umount", [mount], Path.GetTempPath());
        }
    }

    private static List<(string, long, string)> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order()
            .Select(f => (Path.GetRelativePath(dir, f), new FileInfo(f).Length, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))))
            .ToList();
}
