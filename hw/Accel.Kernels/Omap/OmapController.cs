using Accel.Hw;

namespace Accel.Kernels.Omap;

/// <summary>
/// BOLT's per-access controller (models/Accel.Omap/DESIGN.md, "BOLT access"), shaped as the authors' artifact: for
/// each request of a batch it looks the key up in a 16-way bucketed table (key and location in one 16-byte record,
/// one 256-byte burst per bucket), reads the item's 16-byte record in one burst, decides which host pages to flush
/// (the item's revealed candidate pair, or a fresh pair on a miss), re-places a staying item in the less loaded of
/// a new random pair (power of two choices), checks the bin cap and the eviction-queue bound, and updates the
/// trusted state. Randomness comes from an on-chip counter-based generator (SplitMix64: word k is
/// Mix(seed + (k + 1) * gamma)), bins from its words by Lemire's multiply-and-reject exactly as BoltMap draws them;
/// bin loads, queue lengths and page flush counts are held on chip for the batch (read in and written back in
/// bursts). Values and sealed pages are the data path's business. OmapControllerEquivalenceTests holds that the
/// decisions are BoltMap's.
/// HBM banks: request batch and decisions (HBM[0]), key table and free ids (HBM[2]), item records (HBM[3]),
/// loads, queues, flush counts, counters and the generator's counter (HBM[4]).
/// </summary>
[Kernel("omap_controller")]
[Requires("hbmBins <= (capacity + itemsPerBin - 1) / itemsPerBin", "the HBM bins are some of the map's bins")]
[Config("n64", "capacity=64,itemsPerBin=8,hbmBins=2,slotsPerPage=12,queueBound=72")]
[Config("n256-queue12", "capacity=256,itemsPerBin=8,hbmBins=6,slotsPerPage=12,queueBound=12")]
[Config("n1024-c4", "capacity=1024,itemsPerBin=4,hbmBins=51,slotsPerPage=9,queueBound=600")]
[Config("n512-pages8", "capacity=512,itemsPerBin=4,hbmBins=26,slotsPerPage=8,queueBound=300")]
public sealed class OmapController(
    [Range(1, 1 << 27)] int capacity = 64,   // 2^27 items: a key table of 2^30 words; at 2^28 its size overflows an int
    [Range(1, 64)] int itemsPerBin = 8,
    [Range(0, 1 << 28)] int hbmBins = 2,
    [Range(1, 64)] int slotsPerPage = 12,
    [Range(0, 1 << 30)] int queueBound = 72)
{
    const int Get = OmapControllerLayout.Get;
    const int Put = OmapControllerLayout.Put;
    const int Delete = OmapControllerLayout.Delete;
    const int DecisionWords = OmapControllerLayout.DecisionWords;
    const int BucketWords = OmapControllerLayout.BucketRecords * OmapControllerLayout.RecordWords;
    const int ItemWords = OmapControllerLayout.ItemWords;
    const int BinBits = OmapControllerLayout.BinBits;
    const int Done = OmapControllerLayout.Done;
    const int MapFull = OmapControllerLayout.MapFull;
    const int BinLoadBound = OmapControllerLayout.BinLoadBound;
    const int QueueBound = OmapControllerLayout.QueueBound;
    const int BadOperation = OmapControllerLayout.BadOperation;
    const int FreeCount = OmapControllerLayout.FreeCountCounter;
    const int QueueTotal = OmapControllerLayout.QueueTotalCounter;
    const int RequestsDone = OmapControllerLayout.RequestsDoneCounter;

    [Top]
    public void Run(
        [MAxi("gmem0", "HBM[0]")] int[] operations,
        [MAxi("gmem0", "HBM[0]")] ulong[] keys,
        [MAxi("gmem0", "HBM[0]")] int[] decisions,
        [MAxi("gmem2", "HBM[2]")] ulong[] table,
        [MAxi("gmem2", "HBM[2]")] int[] freeIds,
        [MAxi("gmem3", "HBM[3]")] ulong[] items,
        [MAxi("gmem4", "HBM[4]")] int[] binLoads,
        [MAxi("gmem4", "HBM[4]")] int[] queueLengths,
        [MAxi("gmem4", "HBM[4]")] ulong[] pageFlushes,
        [MAxi("gmem4", "HBM[4]")] int[] counters,
        [MAxi("gmem4", "HBM[4]")] ulong[] generator,
        int requests, long salt, long seed)
    {
        // Salt and seed arrive as signed 64-bit registers; the hash and the generator want their bits.
        ulong saltBits = (ulong)salt;
        ulong seedBits = (ulong)seed;
        int binCount = (capacity + itemsPerBin - 1) / itemsPerBin;
        int pageCount = binCount - hbmBins;
        int bucketMask = OmapKeyTable.Buckets(capacity) - 1;
        // Lemire: a word is rejected when its low product falls below 2^32 mod B, which keeps every bin equally likely.
        uint threshold = (0u - (uint)binCount) % (uint)binCount;

        // On chip for the batch: loads, queue lengths, flush counts (one entry more, so no array is empty at alpha = 1).
        int[] loads = new int[(capacity + itemsPerBin - 1) / itemsPerBin];
        int[] queues = new int[(capacity + itemsPerBin - 1) / itemsPerBin - hbmBins + 1];
        ulong[] flushes = new ulong[(capacity + itemsPerBin - 1) / itemsPerBin - hbmBins + 1];
        ulong[] bucket = new ulong[BucketWords];
        Hls.ArrayPartition(bucket, PartitionKind.Complete);
        ulong[] record = new ulong[ItemWords];
        int[] pair = new int[2];
        int[] lookup = new int[3];
        for (int b = 0; b < binCount; b++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(1, 1 << 20);
            loads[b] = binLoads[b];
        }
        for (int p = 0; p < pageCount; p++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(0, 1 << 20);
            queues[p] = queueLengths[p];
            flushes[p] = pageFlushes[p];
        }
        int freeCount = counters[FreeCount];
        int queueTotal = counters[QueueTotal];
        ulong drawn = generator[0];
        int done = 0;

        for (int r = 0; r < requests; r++)
        {
            Hls.LoopTripCount(1, 4096);
            int at = r * DecisionWords;
            int operation = operations[r];
            ulong key = keys[r];
            if (operation < Get || operation > Delete)
            {
                WriteDecision(decisions, at, BadOperation, 0, -1, -1, -1, -1, queueTotal, 0);
                done++;
                continue;
            }

            OmapKeyTable.Lookup(table, bucket, key, OmapKeyTable.Home(key, saltBits, bucketMask), bucketMask, lookup);
            int foundSlot = lookup[0];
            int probes = lookup[2];
            bool present = foundSlot >= 0;
            int item = present ? (int)table[foundSlot * 2 + 1] - 1 : -1;
            if (operation == Put && !present && freeCount == 0)
            {
                WriteDecision(decisions, at, MapFull, 0, -1, -1, -1, -1, queueTotal, probes);
                done++;
                continue;
            }

            // The revealed pair: the item's candidates, or a fresh pair so a miss looks like a hit.
            int flushFirst = -1, flushSecond = -1, oldBin = -1;
            ulong oldTag = 0;
            if (present)
            {
                ReadItem(items, item, record);
                flushFirst = (int)(record[0] & ((1UL << BinBits) - 1));
                flushSecond = (int)((record[0] >> BinBits) & ((1UL << BinBits) - 1));
                oldBin = ((record[0] >> (2 * BinBits)) & 1UL) != 0 ? flushSecond : flushFirst;
                oldTag = record[1];
            }
            else
            {
                drawn = DrawPair(seedBits, drawn, binCount, threshold, pair);
                flushFirst = pair[0];
                flushSecond = pair[1];
            }

            bool stays = operation == Put || (operation == Get && present);
            int nextFirst = -1, nextSecond = -1, nextBin = -1, nextLoad = 0;
            if (stays)
            {
                drawn = DrawPair(seedBits, drawn, binCount, threshold, pair);
                nextFirst = pair[0];
                nextSecond = pair[1];
                // Loads as they will be once the item has left its old bin; ties go to the first candidate.
                int loadFirst = loads[nextFirst] - (nextFirst == oldBin ? 1 : 0);
                int loadSecond = loads[nextSecond] - (nextSecond == oldBin ? 1 : 0);
                nextBin = loadFirst <= loadSecond ? nextFirst : nextSecond;
                nextLoad = loadFirst <= loadSecond ? loadFirst : loadSecond;
            }
            int pageFirst = flushFirst - hbmBins;
            int pageSecond = flushSecond - hbmBins;
            if (stays && nextLoad >= slotsPerPage)
            {
                WriteDecision(decisions, at, BinLoadBound, present ? 1 : 0, foundSlot, -1, -1, -1, queueTotal, probes);
                done++;
                continue;
            }
            int queueAfter = QueueLengthAfter(queues, queueTotal, pageFirst, pageSecond, stays ? nextBin - hbmBins : -1);
            if (queueAfter > queueBound)
            {
                WriteDecision(decisions, at, QueueBound, present ? 1 : 0, foundSlot, -1, -1, -1, queueTotal, probes);
                done++;
                continue;
            }

            // Commit, in BoltMap's order: take the item out, place it (or drop its key), then drain the flushed pages.
            if (present)
            {
                if (oldBin >= hbmBins && oldTag == flushes[oldBin - hbmBins] + 1)
                {
                    queues[oldBin - hbmBins] = queues[oldBin - hbmBins] - 1;
                    queueTotal--;
                }
                loads[oldBin] = loads[oldBin] - 1;
            }
            if (stays)
            {
                if (!present)
                {
                    // The lookup stopped at the bucket the key belongs in; its first empty record takes it.
                    freeCount--;
                    item = freeIds[freeCount];
                    table[lookup[1] * 2] = key;
                    table[lookup[1] * 2 + 1] = (ulong)(item + 1);
                }
                ulong tag = 0;
                if (nextBin >= hbmBins)
                {
                    // A host bin: the item waits in the queue until its page is next flushed.
                    queues[nextBin - hbmBins] = queues[nextBin - hbmBins] + 1;
                    queueTotal++;
                    tag = flushes[nextBin - hbmBins] + 1;
                }
                record[0] = (ulong)(uint)nextFirst | ((ulong)(uint)nextSecond << BinBits) | ((nextBin != nextFirst ? 1UL : 0UL) << (2 * BinBits));
                record[1] = tag;
                WriteItem(items, item, record);
                loads[nextBin] = loads[nextBin] + 1;
            }
            else if (present)
            {
                int scanned = OmapKeyTable.RemoveAt(table, bucket, foundSlot, saltBits, bucketMask);
                probes += scanned;
                freeIds[freeCount] = item;
                freeCount++;
            }
            if (pageFirst >= 0)
            {
                queueTotal -= queues[pageFirst];
                queues[pageFirst] = 0;
                flushes[pageFirst] = flushes[pageFirst] + 1;
            }
            if (pageSecond >= 0 && pageSecond != pageFirst)
            {
                queueTotal -= queues[pageSecond];
                queues[pageSecond] = 0;
                flushes[pageSecond] = flushes[pageSecond] + 1;
            }

            int page0 = pageFirst >= 0 ? pageFirst : (pageSecond >= 0 ? pageSecond : -1);
            int page1 = pageFirst >= 0 && pageSecond >= 0 ? pageSecond : -1;
            WriteDecision(decisions, at, Done, present ? 1 : 0, foundSlot, nextBin, page0, page1, queueTotal, probes);
            done++;
        }

        for (int b = 0; b < binCount; b++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(1, 1 << 20);
            binLoads[b] = loads[b];
        }
        for (int p = 0; p < pageCount; p++)
        {
            Hls.Pipeline(1);
            Hls.LoopTripCount(0, 1 << 20);
            queueLengths[p] = queues[p];
            pageFlushes[p] = flushes[p];
        }
        counters[FreeCount] = freeCount;
        counters[QueueTotal] = queueTotal;
        counters[RequestsDone] = done;
        generator[0] = drawn;
    }

    /// <summary>An item's 16-byte record (candidate word, queue tag) in one burst.</summary>
    void ReadItem(ulong[] items, int item, ulong[] record)
    {
        for (int w = 0; w < ItemWords; w++)
        {
            Hls.Pipeline(1);
            record[w] = items[item * ItemWords + w];
        }
    }

    void WriteItem(ulong[] items, int item, ulong[] record)
    {
        for (int w = 0; w < ItemWords; w++)
        {
            Hls.Pipeline(1);
            items[item * ItemWords + w] = record[w];
        }
    }

    /// <summary>Queue length after the access as BoltMap bounds it: flushed pages drain, a placement on another host page adds one.</summary>
    int QueueLengthAfter(int[] queues, int queueTotal, int pageFirst, int pageSecond, int nextPage)
    {
        int length = queueTotal;
        if (pageFirst >= 0) length -= queues[pageFirst];
        if (pageSecond >= 0 && pageSecond != pageFirst) length -= queues[pageSecond];
        if (nextPage >= 0 && nextPage != pageFirst && nextPage != pageSecond) length++;
        return length;
    }

    /// <summary>Draws two bins from the generator, starting at word <paramref name="drawn"/>, into pair[0] and pair[1];
    /// returns the count of words drawn after them. Words do not depend on the state, so hardware can make them ahead.</summary>
    ulong DrawPair(ulong seed, ulong drawn, int binCount, uint threshold, int[] pair)
    {
        ulong next = drawn;
        for (int k = 0; k < 2; k++)
        {
            ulong product = (OmapKeyTable.GeneratorWord(seed, next) >> 32) * (uint)binCount;
            next++;
            while ((uint)product < threshold)
            {
                Hls.LoopTripCount(0, 2);
                product = (OmapKeyTable.GeneratorWord(seed, next) >> 32) * (uint)binCount;
                next++;
            }
            pair[k] = (int)(product >> 32);
        }
        return next;
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
