namespace Accel.Omap.Trusted;

internal sealed partial class KeyIndex
{
    /// <summary>
    /// A copy of the table as the hardware controller holds it in HBM: the salt, every slot's key and id (-1 when
    /// empty), and the free-id stack with its height. Lets the controller kernel start from this exact table.
    /// </summary>
    public (ulong Salt, ulong[] SlotKeys, int[] SlotIds, int[] FreeIds, int FreeCount) Snapshot() =>
        (salt, (ulong[])slotKeys.Clone(), (int[])slotIds.Clone(), (int[])freeIds.Clone(), freeCount);
}
