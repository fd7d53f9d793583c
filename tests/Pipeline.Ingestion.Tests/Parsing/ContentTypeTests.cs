using System.Text;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Parsing;

/// <summary>Wire feeds name files without extensions and say what they are in the blob's Content-Type.</summary>
public class ContentTypeTests
{
    [Theory]
    [InlineData("wire/afp-20261203", "text/plain; charset=utf-8", "txt")]
    [InlineData("wire/afp-20261203", "TEXT/PLAIN", "txt")]
    [InlineData("wire/story.2026.12.03", "text/markdown", "md")]
    [InlineData("wire/story", "text/html; charset=UTF-8", "html")]
    [InlineData("wire/story", "application/xhtml+xml", "html")]
    [InlineData("wire/story", "application/json", "json")]
    [InlineData("wire/story", "application/vnd.newsroom.article+json", "json")]
    public void A_name_without_a_known_extension_takes_its_format_from_the_content_type(string name, string contentType, string format)
    {
        string content = format switch
        {
            "json" => """{"title":"Port strike ends","body":"Dockers in Antwerp returned to work on Monday."}""",
            "html" => "<html><head><title>Port strike ends</title></head><body><p>Dockers in Antwerp returned to work on Monday.</p></body></html>",
            "md" => "# Port strike ends\n\nDockers in **Antwerp** returned to work on Monday.",
            _ => "Port strike ends\n\nDockers in Antwerp returned to work on Monday.",
        };

        var article = ArticleParser.Parse(name, Encoding.UTF8.GetBytes(content), contentType);

        Assert.Equal(format, article.Format);
        Assert.Equal("Port strike ends", article.Title);
        Assert.Equal("Port strike ends\n\nDockers in Antwerp returned to work on Monday.", article.Text);
    }

    [Fact]
    public void A_known_extension_wins_over_the_content_type()
    {
        var article = ArticleParser.Parse("story.md", Encoding.UTF8.GetBytes("# Title\n\n**Body** text."), "application/octet-stream");

        Assert.Equal("md", article.Format);
        Assert.Equal("Title\n\nBody text.", article.Text);
    }

    [Theory]
    [InlineData(null, "the blob declares no Content-Type")]
    [InlineData("application/octet-stream", "nor is Content-Type 'application/octet-stream'")]
    [InlineData("image/png", "nor is Content-Type 'image/png'")]
    [InlineData("not a content type", "the blob declares no Content-Type")]
    public void Without_a_known_extension_or_content_type_the_blob_is_unsupported(string? contentType, string message)
    {
        var rejected = Assert.Throws<ArticleRejectedException>(() => ArticleParser.Parse("wire/afp-20261203", "Some text"u8, contentType));

        Assert.Equal(RejectionReason.UnsupportedFormat, rejected.Reason);
        Assert.Contains(message, rejected.Message);
    }

    [Fact]
    public void A_declared_latin1_charset_decodes_bytes_that_are_not_utf8()
    {
        byte[] latin1 = Encoding.Latin1.GetBytes("Zürich\n\nDie Börse in Zürich schloss höher.");

        Assert.Equal(RejectionReason.Undecodable, Assert.Throws<ArticleRejectedException>(() => ArticleParser.Parse("a.txt", latin1)).Reason);
        var article = ArticleParser.Parse("a.txt", latin1, "text/plain; charset=ISO-8859-1");

        Assert.Equal("Zürich\n\nDie Börse in Zürich schloss höher.", article.Text);
    }

    [Fact]
    public void A_declared_windows_1252_charset_decodes_its_typographic_quotes()
    {
        byte[] cp1252 = [.. "Title\n\nHe said "u8, 0x93, .. "no"u8, 0x94, .. " "u8, 0x80, .. " 5."u8];

        var article = ArticleParser.Parse("wire/x", cp1252, "text/plain; charset=windows-1252");

        Assert.Equal("Title\n\nHe said “no” € 5.", article.Text);
    }

    [Fact]
    public void A_declared_utf16_charset_reads_utf16_without_a_byte_order_mark()
    {
        byte[] utf16 = Encoding.Unicode.GetBytes("Title\n\nBody of the wire story.");

        Assert.Equal(RejectionReason.Binary, Assert.Throws<ArticleRejectedException>(() => ArticleParser.Parse("a.txt", utf16)).Reason);
        Assert.Equal("Title\n\nBody of the wire story.", ArticleParser.Parse("a.txt", utf16, "text/plain; charset=utf-16le").Text);
        Assert.Equal("Title\n\nBody of the wire story.", ArticleParser.Parse("a.txt", Encoding.BigEndianUnicode.GetBytes("Title\n\nBody of the wire story."), "text/plain; charset=UTF-16BE").Text);
    }

    [Fact]
    public void A_byte_order_mark_wins_over_the_declared_charset()
    {
        byte[] bom = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("Zürich\n\nBody.")];

        Assert.Equal("Zürich\n\nBody.", ArticleParser.Parse("a.txt", bom, "text/plain; charset=iso-8859-1").Text);
    }

    [Fact]
    public void Bytes_invalid_in_the_declared_charset_or_an_unknown_charset_are_undecodable()
    {
        var invalid = Assert.Throws<ArticleRejectedException>(() => ArticleParser.Parse("a.txt", [.. "Title\n\n"u8, 0xC3, 0x28], "text/plain; charset=utf-8"));
        var unknown = Assert.Throws<ArticleRejectedException>(() => ArticleParser.Parse("a.txt", "Title\n\nBody."u8, "text/plain; charset=klingon-8"));

        Assert.Equal(RejectionReason.Undecodable, invalid.Reason);
        Assert.Contains("not valid UTF-8", invalid.Message);
        Assert.Equal(RejectionReason.Undecodable, unknown.Reason);
        Assert.Contains("Charset 'klingon-8' from the blob's Content-Type", unknown.Message);
    }
}
