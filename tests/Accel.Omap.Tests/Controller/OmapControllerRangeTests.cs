using System.Reflection;
using Accel.Hw;
using L = Accel.Kernels.Omap.OmapControllerLayout;

namespace Accel.Omap.Tests.Controller;

/// <summary>The declared range of omap_controller's capacity is one its state can be sized at: the largest array
/// (the key table, 4 items a 16-record bucket, 2 words a record) stays within a C# array's int length. At the old
/// maximum, 2^28, the table's word count was 2^31 and `gen` died with an OverflowException.</summary>
public sealed class OmapControllerRangeTests
{
    [Fact]
    public void TheLargestDeclaredCapacitySizesEveryStateArrayWithoutOverflow()
    {
        var capacity = typeof(OmapController).GetConstructors().Single().GetParameters().Single(p => p.Name == "capacity");
        long max = capacity.GetCustomAttribute<RangeAttribute>()!.Max;
        // 2^27 items -> 2^25 buckets (a quarter of the items, rounded up to a power of two) x 16 records x 2 words
        long tableWords = (long)L.TableBuckets((int)max) * L.BucketRecords * L.RecordWords;
        Assert.Equal(1L << 30, tableWords);
        Assert.True(tableWords <= Array.MaxLength, $"key table of {tableWords} words");
        Assert.True(max * L.ItemWords <= Array.MaxLength, $"item records of {max * L.ItemWords} words");
        // one more doubling would not fit
        Assert.True(L.TableBuckets((int)max) * 2L * L.BucketRecords * L.RecordWords > int.MaxValue);
    }
}
