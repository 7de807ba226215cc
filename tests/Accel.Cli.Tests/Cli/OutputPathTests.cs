using Accel.Cli.Output;
using Accel.Codegen.Backends;

namespace Accel.Tests.Cli;

/// <summary>Output paths named on the command line are checked before the long work starts (exit 2, the path
/// named), and files are written to a temporary sibling and renamed, so a failure leaves no partial file.
/// The unwritable paths lie under a regular file: unwritable even for root, who ignores permission bits.</summary>
[Collection(InProcessCliCollection.Name)]
public sealed class OutputPathTests
{
    private static (string Dir, string Blocked) Scratch()
    {
        var dir = TestPaths.Scratch("outpaths");
        var file = Path.Combine(dir, "a-file");
        File.WriteAllText(file, "not a folder");
        return (dir, Path.Combine(file, "sub"));
    }

    [Theory]
    [InlineData("--vcd")]
    [InlineData("--trace")]
    public void AnUnwritableWaveformOrTraceIsExitTwoBeforeEmulating(string option)
    {
        var (dir, blocked) = Scratch();
        var path = Path.Combine(blocked, "gelu.out");
        var (exit, stdout, stderr) = InProcessCli.Run(dir, "emulate", "gelu", "--config", "row16", option, path);
        Assert.True(exit == 2, $"exit {exit}\n{stderr}");
        Assert.Contains($"{option} {path}: ", stderr);
        Assert.Equal("", stdout);   // no table: the emulation never ran
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void AFolderGivenAsTheVcdFileIsExitTwo()
    {
        var (dir, _) = Scratch();
        var (exit, _, stderr) = InProcessCli.Run(dir, "emulate", "gelu", "--config", "row16", "--vcd", dir);
        Assert.True(exit == 2, stderr);
        Assert.Contains("is a folder; expected a file name", stderr);
    }

    [Theory]
    [InlineData("--cache")]
    [InlineData("--report")]
    public void AnUnwritableDseFolderIsExitTwoBeforeAnyPointIsMeasured(string option)
    {
        var (dir, blocked) = Scratch();
        var cache = Path.Combine(dir, "cache");
        string[] args = ["dse", "gelu", "--sweep", "lanes=1,2", "--part", "zcu102", "--json", option, blocked,
            .. option == "--cache" ? Array.Empty<string>() : ["--cache", cache]];
        var (exit, stdout, stderr) = InProcessCli.Run(dir, args);
        Assert.True(exit == 2, $"exit {exit}\n{stderr}");
        Assert.Contains($"{option} {blocked}: ", stderr);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(cache) && Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories).Any(), "a point was measured and cached");
    }

    [Fact]
    public void AFailedWriteLeavesThePreviousFileAndNoTemporary()
    {
        var (dir, _) = Scratch();
        var path = Path.Combine(dir, "wave.vcd");
        File.WriteAllText(path, "previous");
        Assert.Throws<InvalidDataException>(() => OutputFiles.WriteAtomically("--vcd", path, stream =>
        {
            stream.Write("half a waveform"u8);
            throw new InvalidDataException("the writer failed midway");
        }));
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir).Where(f => !f.EndsWith("a-file", StringComparison.Ordinal)));
    }

    [Fact]
    public void AWriteThatCannotBeRenamedIntoPlaceIsExitTwoAndLeavesNoTemporary()
    {
        var (dir, _) = Scratch();
        var path = Path.Combine(dir, "taken");
        Directory.CreateDirectory(path);   // the rename onto a folder fails, after the temporary was written
        var e = Assert.Throws<OutputWriteException>(() => OutputFiles.WriteAtomically("--trace", path, stream => stream.Write("{}"u8)));
        Assert.StartsWith($"--trace {path}: cannot write there", e.Message);
        Assert.Empty(Directory.GetFiles(dir, $"*{AtomicFile.TemporaryMarker}*"));
    }

    [Fact]
    public void TheRtlVerbsRefuseAFolderThatIsNotOursUnlessForced()
    {
        var (dir, _) = Scratch();
        var mine = Path.Combine(dir, "rtl-out", "notes.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(mine)!);
        File.WriteAllText(mine, "mine");
        var (refused, _, stderr) = InProcessCli.Run(dir, "rtl", "gelu", "--config", "row16", "--out", "rtl-out");
        Assert.True(refused == 2, stderr);
        Assert.Contains("not written by Accel", stderr);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(mine)!).Select(Path.GetFileName));

        var (forced, _, forcedErr) = InProcessCli.Run(dir, "rtl", "gelu", "--config", "row16", "--out", "rtl-out", "--force");
        Assert.True(forced == 0, forcedErr);
        Assert.Equal("mine", File.ReadAllText(mine));
        Assert.True(File.Exists(Path.Combine(dir, "rtl-out", "gelu.v")));
    }

    [Fact]
    public void XclbinWriteReplacesItsFileWholeAndAnUnwritableOutIsExitTwo()
    {
        var (dir, blocked) = Scratch();
        var path = Path.Combine(dir, "softmax.xclbin");
        File.WriteAllText(path, "previous");
        var (exit, _, stderr) = InProcessCli.Run(dir, "xclbin", "write", "softmax", "--config", "row16", "--out", path);
        Assert.True(exit == 0, stderr);
        Assert.Equal("xclbin2\0"u8.ToArray(), File.ReadAllBytes(path)[..8]);
        Assert.Empty(Directory.GetFiles(dir, $"*{AtomicFile.TemporaryMarker}*"));

        var unwritable = Path.Combine(blocked, "softmax.xclbin");
        var (refused, _, refusedErr) = InProcessCli.Run(dir, "xclbin", "write", "softmax", "--config", "row16", "--out", unwritable);
        Assert.True(refused == 2, refusedErr);
        Assert.Contains($"--out {unwritable}: ", refusedErr);
        Assert.DoesNotContain("   at ", refusedErr);
    }
}
