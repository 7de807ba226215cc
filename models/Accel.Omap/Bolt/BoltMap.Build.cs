namespace Accel.Omap.Bolt;

public partial class BoltMap
{
    /// <summary>
    /// Bulk build: each item goes to the less loaded of two random bins (the insert-only two-choice process), then
    /// every host page is sealed and written once, in page order, so the build's host trace depends only on sizes.
    /// </summary>
    private protected override void Load(KeyValueDataSet items)
    {
        CheckFits(items);

        var itemIds = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            ulong key = items.Key(i);
            if (Index.Find(key) >= 0)
                throw new ArgumentException($"data set item {i}: key {key} repeats an earlier key", nameof(items));
            int first = DrawBin(), second = DrawBin();
            int bin = binLoad[first] <= binLoad[second] ? first : second;
            if (binLoad[bin] >= Parameters.SlotsPerPage)
                throw new OmapBoundExceededException("bin load", Parameters.SlotsPerPage,
                    $"bulk build: item {i} found bins {first} and {second} both at their limit of {Parameters.SlotsPerPage} items");
            int item = Index.Add(key);
            itemIds[i] = item;
            itemKey[item] = key;
            candidateFirst[item] = first;
            candidateSecond[item] = second;
            inSecond[item] = bin != first;
            if (bin < Parameters.HbmBinCount)
            {
                place[item] = Place.HbmBin;
                slot[item] = pool.Allocate(item);
                items.Value(i).CopyTo(pool.Value(slot[item]));
            }
            else
            {
                place[item] = Place.Page;
            }
            MaxBinLoad = Math.Max(MaxBinLoad, ++binLoad[bin]);
        }
        WriteAllPages(items, itemIds);
    }

    private void WriteAllPages(KeyValueDataSet items, int[] itemIds)
    {
        // Counting sort of the data set's host items by page, so each page is assembled and written once.
        int pageCount = Parameters.HostPageCount;
        var starts = new int[pageCount + 1];
        for (int i = 0; i < items.Count; i++)
            if (place[itemIds[i]] == Place.Page) starts[HostPageOf(BinOf(itemIds[i])) + 1]++;
        for (int page = 0; page < pageCount; page++) starts[page + 1] += starts[page];
        var byPage = new int[starts[pageCount]];
        var fill = starts[..pageCount];
        for (int i = 0; i < items.Count; i++)
            if (place[itemIds[i]] == Place.Page) byPage[fill[HostPageOf(BinOf(itemIds[i]))]++] = i;

        for (int page = 0; page < pageCount; page++)
        {
            Array.Clear(firstPage);
            for (int k = starts[page]; k < starts[page + 1]; k++)
            {
                int i = byPage[k], item = itemIds[i];
                slot[item] = layout.Store(firstPage, items.Key(i), items.Value(i));
            }
            Store.Write(page, firstPage);
        }
    }
}
