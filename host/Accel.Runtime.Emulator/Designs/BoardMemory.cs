using Accel.Runtime.Devices;
using Accel.Runtime.Xclbin;

namespace Accel.Runtime.Emulator.Designs;

/// <summary>
/// The memory banks a board's xclbin lists (MEM_TOPOLOGY) and where a kernel port's [MAxi] bank lands in
/// that list. Sizes are the ARCHITECTURE.md board facts; base addresses are laid out one bank after another
/// (only their distinctness matters to XRT's metadata checks, not the real card's address map).
/// </summary>
public sealed class BoardMemory
{
    private const ulong MiB = 1024;          // in KiB, the unit MEM_TOPOLOGY stores
    private const ulong GiB = 1024 * MiB;

    private readonly Func<string, int?> indexOf;

    private BoardMemory(string board, IReadOnlyList<(string Tag, MemoryType Type, ulong SizeKiB)> banks, Func<string, int?> indexOf, string bankForms)
    {
        Board = board;
        Banks = banks;
        this.indexOf = indexOf;
        BankForms = bankForms;
    }

    public string Board { get; }

    public IReadOnlyList<(string Tag, MemoryType Type, ulong SizeKiB)> Banks { get; }

    /// <summary>The [MAxi] bank spellings this board accepts, for error messages.</summary>
    public string BankForms { get; }

    public static BoardMemory For(string board) => board switch
    {
        // U55C: 16 GB HBM2 in 32 pseudo-channels of 512 MB.
        "u55c" => new(board, Hbm(32, 512 * MiB), bank => HbmIndex(bank, 32), "HBM[0..31]"),
        // U280: 8 GB HBM in 32 channels of 256 MB, plus two 16 GB DDR4 banks listed after them.
        "u280" => new(board, [.. Hbm(32, 256 * MiB), ("DDR[0]", MemoryType.Ddr4, 16 * GiB), ("DDR[1]", MemoryType.Ddr4, 16 * GiB)],
            bank => HbmIndex(bank, 32) ?? (bank switch { "DDR[0]" => 32, "DDR[1]" => 33, _ => null }), "HBM[0..31], DDR[0], DDR[1]"),
        // ZCU102: the PL reaches the processing system's DDR4 through the HP/HPC ports, whatever bank [MAxi] names
        // (link.cfg connects bundles to those ports, which all lead to this one memory). 4 GB is the board's PS DDR4.
        "zcu102" => new(board, [("PS_DDR4", MemoryType.Ddr4, 4 * GiB)], _ => 0, "any (every port reaches PS DDR4)"),
        _ => throw new DeviceArgumentException($"no memory map for board '{board}'; boards: u55c, u280, zcu102"),
    };

    /// <summary>MEM_TOPOLOGY index of a [MAxi] bank, or a clear error naming the port.</summary>
    public int IndexOf(string bank, string kernel, string port) =>
        indexOf(bank) ?? throw new DeviceArgumentException(
            $"kernel '{kernel}' port '{port}' is bound to bank '{bank}', which the {Board} xclbin does not describe; banks: {BankForms}");

    /// <summary>The banks as MEM_TOPOLOGY entries; only banks some port is connected to are marked used.</summary>
    public ValueList<MemoryBank> Topology(ISet<int> used)
    {
        ulong address = 0;
        var banks = new List<MemoryBank>();
        for (var i = 0; i < Banks.Count; i++)
        {
            var (tag, type, sizeKiB) = Banks[i];
            banks.Add(new MemoryBank(tag, type, used.Contains(i), address, sizeKiB));
            address += sizeKiB * 1024;
        }
        return banks.ToValueList();
    }

    private static List<(string, MemoryType, ulong)> Hbm(int count, ulong sizeKiB) =>
        Enumerable.Range(0, count).Select(i => ($"HBM[{i}]", MemoryType.Hbm, sizeKiB)).ToList();

    private static int? HbmIndex(string bank, int count) =>
        bank.StartsWith("HBM[", StringComparison.Ordinal) && bank.EndsWith(']')
        && int.TryParse(bank[4..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) && k < count
            ? k : null;
}
