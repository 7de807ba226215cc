using Accel.Omap.Trusted;
using CsCheck;

namespace Accel.Omap.Tests;

/// <summary>The trusted key table against a Dictionary: small tables and a small key range force collisions, wrap-around and back-shifts.</summary>
public sealed class KeyIndexTests
{
    [Fact]
    public void BehavesLikeADictionaryUnderRandomAddsAndRemoves()
    {
        var operation = Gen.Select(Gen.Int[0, 2], Gen.ULong[0, 40]);
        Gen.Select(Gen.Int[1, 24], Gen.ULong, operation.Array[0, 400]).Sample((capacity, salt, operations) =>
        {
            var index = new KeyIndex(capacity, salt);
            var reference = new Dictionary<ulong, int>();
            foreach (var (kind, key) in operations)
            {
                if (kind == 0 && !reference.ContainsKey(key) && reference.Count < capacity)
                {
                    int id = index.Add(key);
                    Assert.DoesNotContain(id, reference.Values);
                    Assert.InRange(id, 0, capacity - 1);
                    reference.Add(key, id);
                }
                else if (kind == 1)
                {
                    Assert.Equal(reference.Remove(key, out int id) ? id : -1, index.Remove(key));
                }
                Assert.Equal(reference.Count, index.Count);
                foreach (var (present, id) in reference) Assert.Equal(id, index.Find(present));
                Assert.Equal(reference.ContainsKey(key) ? reference[key] : -1, index.Find(key));
            }
            Assert.Equal(reference.OrderBy(e => e.Key).Select(e => (e.Key, e.Value)), index.Entries().OrderBy(e => e.Key));
        }, iter: 300);
    }

    [Fact]
    public void AddingAPresentKeyOrBeyondCapacityIsAnInternalError()
    {
        var index = new KeyIndex(2, salt: 0);
        index.Add(5);
        Assert.Throws<OmapInvariantException>(() => index.Add(5));
        index.Add(6);
        Assert.Throws<OmapInvariantException>(() => index.Add(7));
    }
}
