namespace Accel.Omap.Trusted;

internal sealed partial class KeyIndex
{
    /// <summary>
    /// A copy of the table as the hardware controller holds it in HBM: the salt, every record's words, and the
    /// free-id stack with its height. Lets the controller kernel start from this exact table.
    /// </summary>
    public (ulong Salt, ulong[] Table, int[] FreeIds, int FreeCount) Snapshot() =>
        (salt, (ulong[])table.Clone(), (int[])freeIds.Clone(), freeCount);
}
