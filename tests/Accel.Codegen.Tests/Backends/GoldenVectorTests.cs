using Accel.Hw;

namespace Accel.Tests.Backends;

/// <summary>Golden vectors hold ap port elements as Vitis packs them on the board: each in the smallest power-of-two
/// byte container holding W bits, little-endian, the low W bits the raw bits, sign-extended for a signed type.</summary>
public sealed class GoldenVectorTests
{
    [Fact]
    public void TwelveBitElementsAreTwoByteWordsSignExtendedOnlyWhenSigned()
    {
        // -3 is ...1111_1101: as an Int<W12>, raw -3 sign-extended to 16 bits, 0xFFFD (FD FF). As a UInt<W12>, the
        // low 12 bits only, 0x0FFD (FD 0F). 0x7FF is the largest Int<W12>: 0x07FF (FF 07).
        Assert.Equal(new byte[] { 0xFD, 0xFF, 0xFF, 0x07 }, GoldenVectors.Bytes(new[] { Int<W12>.FromRaw(-3), Int<W12>.FromRaw(0x7FF) }));
        Assert.Equal(new byte[] { 0xFD, 0x0F, 0xFF, 0x07 }, GoldenVectors.Bytes(new[] { UInt<W12>.FromRaw(-3), UInt<W12>.FromRaw(0x7FF) }));
    }

    [Fact]
    public void TwentyBitElementsAreFourByteWords()
    {
        // A Fixed<W20, W8> of raw -2 (-2/4096) sign-extends to 32 bits: 0xFFFFFFFE (FE FF FF FF). A UFixed<W20, W8> of
        // raw 0xABCDE keeps its 20 bits under zeros: 0x000ABCDE (DE BC 0A 00); of raw -1, the 20 low bits, 0x000FFFFF.
        Assert.Equal(new byte[] { 0xFE, 0xFF, 0xFF, 0xFF }, GoldenVectors.Bytes(new[] { Fixed<W20, W8, Trn, Wrap>.FromRaw(-2) }));
        Assert.Equal(new byte[] { 0xDE, 0xBC, 0x0A, 0x00, 0xFF, 0xFF, 0x0F, 0x00 },
            GoldenVectors.Bytes(new[] { UFixed<W20, W8, Trn, Wrap>.FromRaw(0xABCDE), UFixed<W20, W8, Trn, Wrap>.FromRaw(-1) }));
    }

    [Fact]
    public void EightAndSixtyFourBitElementsFillTheirOwnWidth()
    {
        // W8 needs no padding (one byte, -1 is FF); W40 needs the 8-byte container, its raw -1 sign-extended to 64 bits.
        Assert.Equal(new byte[] { 0xFF }, GoldenVectors.Bytes(new[] { Fixed<W8, W2, Trn, Wrap>.FromRaw(-1) }));
        Assert.Equal(Enumerable.Repeat((byte)0xFF, 8).ToArray(), GoldenVectors.Bytes(new[] { Int<W40>.FromRaw(-1) }));
    }
}
