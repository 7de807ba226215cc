namespace Accel.Omap.Tests.Support;

/// <summary>
/// What an attacker reads off one request's host transfers: how many units it touched and which (BOLT: flushed
/// page indices; Path ORAM: the leaf of the path). Building a view also checks the request's trace has the one
/// shape every request must have, and fails the test on any other.
/// </summary>
public readonly record struct RequestView(int Units, int First, int Second)
{
    /// <summary>BOLT: k page reads then the same k pages written back in the same order, k in {0, 1, 2}, all full sealed pages.</summary>
    public static RequestView OfBolt(ReadOnlySpan<HostAccess> accesses, int pageBytes)
    {
        int k = accesses.Length / 2;
        Require(accesses.Length % 2 == 0 && k <= 2, $"BOLT request made {accesses.Length} transfers; expected 0, 2 or 4");
        var pages = new int[2] { -1, -1 };
        for (int i = 0; i < accesses.Length; i++)
        {
            var access = accesses[i];
            Require(access.Bytes == pageBytes && access.Offset % pageBytes == 0, $"BOLT transfer {access} is not one whole page of {pageBytes} bytes");
            Require(access.Kind == (i < k ? HostAccessKind.Read : HostAccessKind.Write), $"BOLT transfer {i} of {accesses.Length} is a {access.Kind}");
            int page = (int)(access.Offset / pageBytes);
            if (i < k) pages[i] = page;
            else Require(pages[i - k] == page, $"BOLT wrote page {page} back where it read page {pages[i - k]}");
        }
        return new RequestView(k, pages[0], pages[1]);
    }

    /// <summary>Path ORAM: the buckets of one root-to-leaf path read root first, then the same path written in the same order.</summary>
    public static RequestView OfPathOram(ReadOnlySpan<HostAccess> accesses, int bucketBytes, int leafDepth)
    {
        int pathLength = leafDepth + 1;
        Require(accesses.Length == 2 * pathLength, $"Path ORAM request made {accesses.Length} transfers; expected {2 * pathLength}");
        int leaf = (int)(accesses[leafDepth].Offset / bucketBytes) - ((1 << leafDepth) - 1);
        for (int i = 0; i < accesses.Length; i++)
        {
            var access = accesses[i];
            int depth = i % pathLength;
            long expectedOffset = (long)((1 << depth) - 1 + (leaf >> (leafDepth - depth))) * bucketBytes;
            Require(access.Bytes == bucketBytes && access.Offset == expectedOffset, $"Path ORAM transfer {access} is not bucket {depth} of the path to leaf {leaf}");
            Require(access.Kind == (i < pathLength ? HostAccessKind.Read : HostAccessKind.Write), $"Path ORAM transfer {i} is a {access.Kind}");
        }
        return new RequestView(pathLength, leaf, -1);
    }

    private static void Require(bool ok, string message)
    {
        if (!ok) throw new Xunit.Sdk.XunitException("trace shape: " + message);
    }
}
