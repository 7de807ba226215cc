using CsCheck;

namespace Accel.Runtime.Tests.Xclbin;

/// <summary>
/// Damaged xclbins through the reader: truncated, bit-flipped and random. The property is that the
/// reader returns a model or throws XclbinFormatException naming the file; any other exception type
/// fails the test (CsCheck reports the input and its seed), and a crash or hang would stop the run.
/// </summary>
public sealed class XclbinFuzzTests
{
    private const string Name = "fuzz.xclbin";
    private static readonly byte[] Good = SampleDesigns.FullBytes();

    private static XclbinFile? ReadOrRefuse(byte[] bytes)
    {
        try
        {
            return XclbinReader.Read(new MemoryStream(bytes), Name);
        }
        catch (XclbinFormatException e)
        {
            Assert.Equal(Name, e.FileName);
            Assert.False(string.IsNullOrWhiteSpace(e.Location));
            Assert.False(string.IsNullOrWhiteSpace(e.Problem));
            return null;
        }
    }

    private static void AssertRefused(byte[] bytes) => Assert.Null(ReadOrRefuse(bytes));

    [Fact]
    public void Every_truncation_is_refused()
    {
        Assert.True(Good.Length > 1000);
        for (var length = 0; length < Good.Length; length++)
            AssertRefused(Good[..length]);
    }

    [Fact]
    public void Truncation_with_a_matching_length_field_is_refused_once_it_cuts_into_a_section()
    {
        var lastSectionEnd = Enumerable.Range(0, 5)
            .Select(i => 456 + 40 * i)
            .Max(h => (int)(BinaryPrimitives.ReadUInt64LittleEndian(Good.AsSpan(h + 24)) + BinaryPrimitives.ReadUInt64LittleEndian(Good.AsSpan(h + 32))));
        for (var length = 0; length < Good.Length; length++)
        {
            var result = ReadOrRefuse(AxlfSurgery.TruncatedConsistently(Good, length));
            if (length < lastSectionEnd)
                Assert.Null(result);
            else
                Assert.Equal(SampleDesigns.Full(), result!.Design);   // only alignment padding was cut
        }
    }

    [Fact]
    public void Bit_flips_give_a_model_or_a_format_exception()
    {
        Gen.Int[0, Good.Length * 8 - 1].Array[1, 8].Sample(bits =>
        {
            var damaged = (byte[])Good.Clone();
            foreach (var bit in bits)
                damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            ReadOrRefuse(damaged);
        }, iter: 3000);
    }

    [Fact]
    public void Bit_flips_in_the_magic_or_length_field_are_always_refused()
    {
        Gen.Select(Gen.Int[0, 63], Gen.Bool).Sample((bit, inLength) =>
        {
            var at = inLength ? AxlfSurgery.LengthField : 0;
            var damaged = (byte[])Good.Clone();
            damaged[at + bit / 8] ^= (byte)(1 << (bit % 8));
            AssertRefused(damaged);
        }, iter: 1000);
    }

    [Fact]
    public void Random_bytes_are_refused()
    {
        Gen.Byte.Array[0, 4096].Sample(AssertRefused, iter: 1000);
    }

    [Fact]
    public void Random_sections_behind_a_valid_header_give_a_model_or_a_format_exception()
    {
        const int tableEnd = 456 + 5 * 40;
        Gen.Byte.Array[Good.Length - tableEnd].Sample(payload =>
        {
            ReadOrRefuse([.. Good.AsSpan(0, tableEnd), .. payload]);
        }, iter: 1000);
    }

    [Fact]
    public void Random_section_tables_give_a_model_or_a_format_exception()
    {
        // Random kinds, offsets and sizes in every section header, biased towards the metadata kinds.
        var kind = Gen.OneOf(2u, 6u, 7u, 8u, 11u, 0u, 31u, uint.MaxValue);
        var header = Gen.Select(kind, Gen.ULong[0, (ulong)Good.Length + 16], Gen.ULong);
        header.Array[5].Sample(headers =>
        {
            var damaged = (byte[])Good.Clone();
            for (var i = 0; i < headers.Length; i++)
            {
                var at = 456 + 40 * i;
                BinaryPrimitives.WriteUInt32LittleEndian(damaged.AsSpan(at), headers[i].Item1);
                BinaryPrimitives.WriteUInt64LittleEndian(damaged.AsSpan(at + 24), headers[i].Item2);
                BinaryPrimitives.WriteUInt64LittleEndian(damaged.AsSpan(at + 32), headers[i].Item3 % ((ulong)Good.Length + 1));
            }
            ReadOrRefuse(damaged);
        }, iter: 1000);
    }
}
