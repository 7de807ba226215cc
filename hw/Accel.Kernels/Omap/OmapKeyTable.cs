using Accel.Hw;

namespace Accel.Kernels.Omap;

/// <summary>
/// The trusted key table both oblivious-map controllers keep in HBM (BOLT's key -> item table, Path ORAM's
/// position map), shaped as the BOLT artifact's: buckets of 16 records, each record a key and its location in 16
/// bytes (location = value + 1, 0 marking an empty record), so a lookup is one 256-byte burst. Bucketed linear
/// probing with backward-shift deletion; at most a quarter full, so a second bucket is read about once in 10^6
/// lookups. Also the on-chip generator (SplitMix64 in counter form) both controllers draw from.
/// </summary>
[KernelLibrary]
public static class OmapKeyTable
{
    const int Ways = OmapControllerLayout.BucketRecords;
    const int BucketWords = OmapControllerLayout.BucketRecords * OmapControllerLayout.RecordWords;
    const ulong Gamma = OmapControllerLayout.GeneratorGamma;

    /// <summary>One bucket, 16 records of (key, location), as one 256-byte burst.</summary>
    public static void ReadBucket(ulong[] table, int at, ulong[] bucket)
    {
        for (int w = 0; w < BucketWords; w++)
        {
            Hls.Pipeline(1);
            bucket[w] = table[at * BucketWords + w];
        }
    }

    /// <summary>
    /// Bucketed linear probing: reads buckets from the key's home until one holds the key or has an empty record
    /// (a key never sits past a bucket that had room when it was added). lookup[0] = the key's record or -1,
    /// lookup[1] = the first empty record of the last bucket read (where an absent key goes), lookup[2] = buckets read.
    /// </summary>
    public static void Lookup(ulong[] table, ulong[] bucket, ulong key, int home, int bucketMask, int[] lookup)
    {
        int at = home;
        int found = -1, free = -1, reads = 0;
        for (int step = 0; step <= bucketMask; step++)
        {
            Hls.LoopTripCount(1, 2);
            ReadBucket(table, at, bucket);
            reads++;
            for (int way = 0; way < Ways; way++)
            {
                Hls.Unroll();
                bool used = bucket[way * 2 + 1] != 0UL;
                if (found < 0 && used && bucket[way * 2] == key) found = at * Ways + way;
                if (free < 0 && !used) free = at * Ways + way;
            }
            if (found >= 0 || free >= 0) break;
            at = (at + 1) & bucketMask;
        }
        lookup[0] = found;
        lookup[1] = free;
        lookup[2] = reads;
    }

    /// <summary>
    /// Empties record <paramref name="hole"/> by backward shift over buckets: while the buckets after the hole were
    /// full, a later record whose home lies cyclically at or before the hole's bucket moves into it (the first such
    /// way of each bucket), so every key stays reachable without tombstones. Returns the buckets read.
    /// </summary>
    public static int RemoveAt(ulong[] table, ulong[] bucket, int hole, ulong salt, int bucketMask)
    {
        int reads = 0;
        int holeBucket = hole / Ways;
        int at = (holeBucket + 1) & bucketMask;
        for (int step = 0; step < bucketMask; step++)
        {
            Hls.LoopTripCount(1, 2);
            ReadBucket(table, at, bucket);
            reads++;
            int move = -1;
            bool open = false;
            for (int way = 0; way < Ways; way++)
            {
                Hls.Unroll();
                if (bucket[way * 2 + 1] == 0UL) open = true;
                else if (move < 0 && ((at - Home(bucket[way * 2], salt, bucketMask)) & bucketMask) >= ((at - holeBucket) & bucketMask)) move = way;
            }
            if (move >= 0)
            {
                table[hole * 2] = bucket[move * 2];
                table[hole * 2 + 1] = bucket[move * 2 + 1];
                hole = at * Ways + move;
                holeBucket = at;
            }
            if (open) break;
            at = (at + 1) & bucketMask;
        }
        table[hole * 2] = 0UL;
        table[hole * 2 + 1] = 0UL;
        return reads;
    }

    /// <summary>The key's home bucket: SplitMix64's finaliser of key ^ salt, masked.</summary>
    public static int Home(ulong key, ulong salt, int bucketMask) => (int)(Mix(key ^ salt) & (ulong)bucketMask);

    /// <summary>Word <paramref name="index"/> (from 0) of the generator seeded with <paramref name="seed"/>:
    /// Mix(seed + (index + 1) * gamma), SplitMix64 (Steele, Lea and Flood, OOPSLA 2014) read as a counter-based generator.</summary>
    public static ulong GeneratorWord(ulong seed, ulong index) => Mix(seed + (index + 1UL) * Gamma);

    /// <summary>SplitMix64's finaliser: a bijection on 64-bit words in which every input bit reaches every output bit.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Buckets for <paramref name="capacity"/> keys: the power of two at least ceil(max(2, N) / 4).</summary>
    public static int Buckets(int capacity)
    {
        int needed = ((capacity < 2 ? 2 : capacity) + 3) / 4;
        int buckets = 1;
        while (buckets < needed)
        {
            Hls.LoopTripCount(1, 27);
            buckets = buckets * 2;
        }
        return buckets;
    }
}
