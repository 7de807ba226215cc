using Accel.Hw;

namespace Accel.Kernels.Omap;

/// <summary>
/// BOLT's per-access controller (hw/Accel.Omap/DESIGN.md, "BOLT access"): for each request of a batch it probes
/// the key table, decides which host pages to flush (the item's revealed candidate pair, or a fresh pair on a
/// miss), re-places a staying item in the less loaded of a new random pair (power of two choices), checks the bin
/// cap and the eviction-queue bound, and updates the trusted state: table, item records, bin loads, queue
/// lengths. Values and sealed pages are not its business: the data path moves them as the decisions say.
/// Bins are drawn from the caller's random words exactly as BoltMap draws them (Lemire's multiply-and-reject),
/// so given BoltMap's words the decisions are BoltMap's; OmapControllerEquivalenceTests holds that.
/// All state lives in HBM: the request batch and decisions (HBM[0]), random words (HBM[1]), key table (HBM[2]),
/// item records (HBM[3]), bin loads and page queues (HBM[4]).
/// </summary>
[Kernel("omap_controller")]
[Requires("hbmBins <= (capacity + itemsPerBin - 1) / itemsPerBin", "the HBM bins are some of the map's bins")]
[Config("n64", "capacity=64,itemsPerBin=8,hbmBins=2,slotsPerPage=12,queueBound=72")]
[Config("n256-queue12", "capacity=256,itemsPerBin=8,hbmBins=6,slotsPerPage=12,queueBound=12")]
[Config("n1024-c4", "capacity=1024,itemsPerBin=4,hbmBins=51,slotsPerPage=9,queueBound=600")]
public sealed class OmapController(
    [Range(1, 1 << 28)] int capacity = 64,
    [Range(1, 64)] int itemsPerBin = 8,
    [Range(0, 1 << 28)] int hbmBins = 2,
    [Range(1, 64)] int slotsPerPage = 12,
    [Range(0, 1 << 30)] int queueBound = 72)
{
    const int Get = OmapControllerLayout.Get;
    const int Put = OmapControllerLayout.Put;
    const int Delete = OmapControllerLayout.Delete;
    const int DecisionWords = OmapControllerLayout.DecisionWords;
    const int ItemWords = OmapControllerLayout.ItemWords;
    const int Empty = OmapControllerLayout.EmptySlot;
    const int Done = OmapControllerLayout.Done;
    const int MapFull = OmapControllerLayout.MapFull;
    const int BinLoadBound = OmapControllerLayout.BinLoadBound;
    const int QueueBound = OmapControllerLayout.QueueBound;
    const int OutOfRandomWords = OmapControllerLayout.OutOfRandomWords;
    const int NotRun = OmapControllerLayout.NotRun;
    const int BadOperation = OmapControllerLayout.BadOperation;
    const int FreeCount = OmapControllerLayout.FreeCountCounter;
    const int QueueTotal = OmapControllerLayout.QueueTotalCounter;
    const int WordsUsed = OmapControllerLayout.WordsUsedCounter;
    const int RequestsDone = OmapControllerLayout.RequestsDoneCounter;

    [Top]
    public void Run(
        [MAxi("gmem0", "HBM[0]")] int[] operations,
        [MAxi("gmem0", "HBM[0]")] ulong[] keys,
        [MAxi("gmem0", "HBM[0]")] int[] decisions,
        [MAxi("gmem1", "HBM[1]")] ulong[] randomWords,
        [MAxi("gmem2", "HBM[2]")] ulong[] tableKeys,
        [MAxi("gmem2", "HBM[2]")] int[] tableIds,
        [MAxi("gmem2", "HBM[2]")] int[] freeIds,
        [MAxi("gmem3", "HBM[3]")] int[] itemBins,
        [MAxi("gmem3", "HBM[3]")] ulong[] itemQueueTags,
        [MAxi("gmem4", "HBM[4]")] int[] binLoads,
        [MAxi("gmem4", "HBM[4]")] int[] queueLengths,
        [MAxi("gmem4", "HBM[4]")] ulong[] pageFlushes,
        [MAxi("gmem4", "HBM[4]")] int[] counters,
        int requests, int wordCount, long salt)
    {
        // The salt arrives as a signed 64-bit register; the hash wants its bits.
        ulong saltBits = (ulong)salt;
        int binCount = (capacity + itemsPerBin - 1) / itemsPerBin;
        int mask = TableSlots() - 1;
        // Lemire: a word is rejected when its low product falls below 2^32 mod B, which keeps every bin equally likely.
        uint threshold = (0u - (uint)binCount) % (uint)binCount;
        int freeCount = counters[FreeCount];
        int queueTotal = counters[QueueTotal];
        int cursor = counters[WordsUsed];
        int done = 0;
        bool starved = false;
        int[] pair = new int[2]; // the two bins of the last draw

        for (int r = 0; r < requests; r++)
        {
            Hls.LoopTripCount(1, 4096);
            int at = r * DecisionWords;
            int operation = operations[r];
            ulong key = keys[r];
            if (starved || operation < Get || operation > Delete)
            {
                WriteDecision(decisions, at, starved ? NotRun : BadOperation, 0, -1, -1, -1, -1, queueTotal, 0);
                if (!starved) done++;
                continue;
            }

            int home = Home(key, saltBits, mask);
            int slot = ProbeEnd(tableKeys, tableIds, key, home, mask);
            int probes = ((slot - home) & mask) + 1;
            int item = tableIds[slot];
            bool present = item != Empty;
            int foundSlot = present ? slot : -1;
            if (operation == Put && !present && freeCount == 0)
            {
                WriteDecision(decisions, at, MapFull, 0, -1, -1, -1, -1, queueTotal, probes);
                done++;
                continue;
            }

            // The revealed pair: the item's candidates, or a fresh pair so a miss looks like a hit.
            int draw = cursor;
            int flushFirst = -1, flushSecond = -1, oldBin = -1;
            if (present)
            {
                flushFirst = itemBins[item * ItemWords];
                flushSecond = itemBins[item * ItemWords + 1];
                oldBin = itemBins[item * ItemWords + 2] != 0 ? flushSecond : flushFirst;
            }
            else
            {
                draw = DrawPair(randomWords, draw, wordCount, binCount, threshold, pair);
                if (draw < 0)
                {
                    starved = true;
                    WriteDecision(decisions, at, OutOfRandomWords, 0, -1, -1, -1, -1, queueTotal, probes);
                    continue;
                }
                flushFirst = pair[0];
                flushSecond = pair[1];
            }

            bool stays = operation == Put || (operation == Get && present);
            int nextFirst = -1, nextSecond = -1, nextBin = -1, nextLoad = 0;
            if (stays)
            {
                draw = DrawPair(randomWords, draw, wordCount, binCount, threshold, pair);
                if (draw < 0)
                {
                    starved = true;
                    WriteDecision(decisions, at, OutOfRandomWords, 0, -1, -1, -1, -1, queueTotal, probes);
                    continue;
                }
                nextFirst = pair[0];
                nextSecond = pair[1];
                // Loads as they will be once the item has left its old bin; ties go to the first candidate.
                int loadFirst = binLoads[nextFirst] - (nextFirst == oldBin ? 1 : 0);
                int loadSecond = binLoads[nextSecond] - (nextSecond == oldBin ? 1 : 0);
                nextBin = loadFirst <= loadSecond ? nextFirst : nextSecond;
                nextLoad = loadFirst <= loadSecond ? loadFirst : loadSecond;
            }
            cursor = draw;
            int pageFirst = flushFirst - hbmBins;
            int pageSecond = flushSecond - hbmBins;
            if (stays && nextLoad >= slotsPerPage)
            {
                WriteDecision(decisions, at, BinLoadBound, present ? 1 : 0, foundSlot, -1, -1, -1, queueTotal, probes);
                done++;
                continue;
            }
            int queueAfter = QueueLengthAfter(queueLengths, queueTotal, pageFirst, pageSecond, stays ? nextBin - hbmBins : -1);
            if (queueAfter > queueBound)
            {
                WriteDecision(decisions, at, QueueBound, present ? 1 : 0, foundSlot, -1, -1, -1, queueTotal, probes);
                done++;
                continue;
            }

            // Commit, in BoltMap's order: take the item out, place it (or drop its key), then drain the flushed pages.
            if (present)
            {
                if (oldBin >= hbmBins && itemQueueTags[item] == pageFlushes[oldBin - hbmBins] + 1)
                {
                    queueLengths[oldBin - hbmBins] = queueLengths[oldBin - hbmBins] - 1;
                    queueTotal--;
                }
                binLoads[oldBin] = binLoads[oldBin] - 1;
            }
            if (stays)
            {
                if (!present)
                {
                    // The lookup stopped at the empty slot the key belongs in.
                    freeCount--;
                    item = freeIds[freeCount];
                    tableKeys[slot] = key;
                    tableIds[slot] = item;
                }
                itemBins[item * ItemWords] = nextFirst;
                itemBins[item * ItemWords + 1] = nextSecond;
                itemBins[item * ItemWords + 2] = nextBin != nextFirst ? 1 : 0;
                itemQueueTags[item] = 0;
                if (nextBin >= hbmBins)
                {
                    // A host bin: the item waits in the queue until its page is next flushed.
                    queueLengths[nextBin - hbmBins] = queueLengths[nextBin - hbmBins] + 1;
                    queueTotal++;
                    itemQueueTags[item] = pageFlushes[nextBin - hbmBins] + 1;
                }
                binLoads[nextBin] = binLoads[nextBin] + 1;
            }
            else if (present)
            {
                int scanned = RemoveAt(tableKeys, tableIds, slot, saltBits, mask);
                probes += scanned;
                freeIds[freeCount] = item;
                freeCount++;
            }
            if (pageFirst >= 0)
            {
                queueTotal -= queueLengths[pageFirst];
                queueLengths[pageFirst] = 0;
                pageFlushes[pageFirst] = pageFlushes[pageFirst] + 1;
            }
            if (pageSecond >= 0 && pageSecond != pageFirst)
            {
                queueTotal -= queueLengths[pageSecond];
                queueLengths[pageSecond] = 0;
                pageFlushes[pageSecond] = pageFlushes[pageSecond] + 1;
            }

            int page0 = pageFirst >= 0 ? pageFirst : (pageSecond >= 0 ? pageSecond : -1);
            int page1 = pageFirst >= 0 && pageSecond >= 0 ? pageSecond : -1;
            WriteDecision(decisions, at, Done, present ? 1 : 0, foundSlot, nextBin, page0, page1, queueTotal, probes);
            done++;
        }

        counters[FreeCount] = freeCount;
        counters[QueueTotal] = queueTotal;
        counters[WordsUsed] = cursor;
        counters[RequestsDone] = done;
    }

    /// <summary>The slot where linear probing from <paramref name="home"/> stops: the key's slot, or the first empty one.</summary>
    int ProbeEnd(ulong[] tableKeys, int[] tableIds, ulong key, int home, int mask)
    {
        int slot = home;
        while (tableIds[slot] != Empty && tableKeys[slot] != key)
        {
            Hls.LoopTripCount(0, 64);
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /// <summary>
    /// Empties <paramref name="hole"/> by backward-shift deletion: later entries of the run whose home lies
    /// cyclically at or before the hole move into it, so every key stays reachable without tombstones.
    /// Returns the slots scanned.
    /// </summary>
    int RemoveAt(ulong[] tableKeys, int[] tableIds, int hole, ulong salt, int mask)
    {
        int scanned = 0;
        int next = (hole + 1) & mask;
        while (tableIds[next] != Empty)
        {
            Hls.LoopTripCount(0, 64);
            scanned++;
            int home = Home(tableKeys[next], salt, mask);
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                tableKeys[hole] = tableKeys[next];
                tableIds[hole] = tableIds[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        tableIds[hole] = Empty;
        return scanned + 1;
    }

    /// <summary>Queue length after the access as BoltMap bounds it: flushed pages drain, a placement on another host page adds one.</summary>
    int QueueLengthAfter(int[] queueLengths, int queueTotal, int pageFirst, int pageSecond, int nextPage)
    {
        int length = queueTotal;
        if (pageFirst >= 0) length -= queueLengths[pageFirst];
        if (pageSecond >= 0 && pageSecond != pageFirst) length -= queueLengths[pageSecond];
        if (nextPage >= 0 && nextPage != pageFirst && nextPage != pageSecond) length++;
        return length;
    }

    /// <summary>Index of the first word at or after <paramref name="from"/> that Lemire's method accepts, or at least <paramref name="available"/>.</summary>
    /// <summary>Draws two bins from the random words, starting at <paramref name="draw"/>, into pair[0] and pair[1];
    /// returns where the next draw starts, or -1 when the words run out first.</summary>
    int DrawPair(ulong[] randomWords, int draw, int wordCount, int binCount, uint threshold, int[] pair)
    {
        int first = AcceptedWord(randomWords, draw, wordCount, binCount, threshold);
        int second = AcceptedWord(randomWords, first + 1, wordCount, binCount, threshold);
        if (second >= wordCount) return -1;
        pair[0] = BinOf(randomWords[first], binCount);
        pair[1] = BinOf(randomWords[second], binCount);
        return second + 1;
    }

    int AcceptedWord(ulong[] words, int from, int available, int binCount, uint threshold)
    {
        int at = from;
        while (at < available && (uint)((words[at] >> 32) * (uint)binCount) < threshold)
        {
            Hls.LoopTripCount(0, 2);
            at++;
        }
        return at;
    }

    int BinOf(ulong word, int binCount) => (int)(((word >> 32) * (uint)binCount) >> 32);

    int Home(ulong key, ulong salt, int mask) => (int)(Mix(key ^ salt) & (ulong)mask);

    /// <summary>SplitMix64's finaliser, as the C# key index hashes keys.</summary>
    ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    int TableSlots()
    {
        int needed = (capacity < 2 ? 2 : capacity) * 2;
        int slots = 1;
        while (slots < needed)
        {
            Hls.LoopTripCount(1, 30);
            slots = slots * 2;
        }
        return slots;
    }

    /// <summary>One decision record; the flush count follows from which of the two page fields are set.</summary>
    void WriteDecision(int[] decisions, int at, int status, int found, int slot, int bin, int page0, int page1, int queue, int probes)
    {
        decisions[at] = status;
        decisions[at + 1] = found;
        decisions[at + 2] = slot;
        decisions[at + 3] = bin;
        decisions[at + 4] = page0 >= 0 ? (page1 >= 0 ? 2 : 1) : 0;
        decisions[at + 5] = page0;
        decisions[at + 6] = page1;
        decisions[at + 7] = queue;
        decisions[at + 8] = probes;
    }

    [Stimulus]
    public void Stimulus(Stimulus s) =>
        OmapControllerStimulus.Fill(s, capacity, itemsPerBin, hbmBins);
}
