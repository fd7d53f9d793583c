using System.Text;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Parsing;

public class ArticleDecoderTests
{
    private const string Sample = "Zoë met José in Kyiv — 🇺🇦 “quoted”.";

    [Fact]
    public void Utf8_with_and_without_bom_decode_to_the_same_text()
    {
        byte[] plain = Encoding.UTF8.GetBytes(Sample);
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. plain];

        Assert.Equal(Sample, ArticleDecoder.Decode(plain));
        Assert.Equal(Sample, ArticleDecoder.Decode(withBom));
    }

    [Fact]
    public void Utf16_little_and_big_endian_with_bom_decode()
    {
        byte[] little = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)];
        byte[] big = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)];

        Assert.Equal(Sample, ArticleDecoder.Decode(little));
        Assert.Equal(Sample, ArticleDecoder.Decode(big));
    }

    [Fact]
    public void Latin1_bytes_are_rejected_as_undecodable_never_turned_into_mojibake()
    {
        byte[] latin1 = Encoding.Latin1.GetBytes("The café reopened on Monday.");

        var rejected = Assert.Throws<ArticleRejectedException>(() => ArticleDecoder.Decode(latin1));

        Assert.Equal(RejectionReason.Undecodable, rejected.Reason);
        Assert.Contains("not valid UTF-8", rejected.Message);
    }

    [Fact]
    public void Utf16_without_bom_is_rejected_as_binary()
    {
        var rejected = Assert.Throws<ArticleRejectedException>(() => ArticleDecoder.Decode(Encoding.Unicode.GetBytes("Plain English text")));
        Assert.Equal(RejectionReason.Binary, rejected.Reason);
    }

    [Fact]
    public void Empty_input_is_rejected_as_empty()
    {
        Assert.Equal(RejectionReason.Empty, Assert.Throws<ArticleRejectedException>(() => ArticleDecoder.Decode([])).Reason);
    }

    [Fact]
    public void Text_that_is_mostly_control_characters_is_binary()
    {
        byte[] controls = Enumerable.Range(0, 200).Select(i => (byte)(1 + i % 8)).ToArray();
        Assert.Equal(RejectionReason.Binary, Assert.Throws<ArticleRejectedException>(() => ArticleDecoder.Decode(controls)).Reason);
    }
}
