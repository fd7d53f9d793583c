using System.Text;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Parsing;

/// <summary>
/// Encodings a file declares are honoured in the HTML standard's order (byte order mark, the transport's charset, the
/// page's &lt;meta&gt;), legacy code pages included; what declares nothing is still UTF-8 or refused, never guessed.
/// </summary>
public class DeclaredEncodingTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private const string Story = "Minister says \u201cno deal\u201d \u2013 talks resume in M\u00fcnchen.";

    private static byte[] Page(string head, Encoding encoding) =>
        encoding.GetBytes($"<html><head>{head}<title>Talks</title></head><body><p>{Story}</p></body></html>");

    [Theory]
    [InlineData("<meta charset=\"windows-1252\">")]
    [InlineData("<META CHARSET=windows-1252>")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">")] // means windows-1252 in HTML
    public void A_page_declaring_windows_1252_in_its_meta_is_decoded_with_its_curly_quotes(string meta)
    {
        var article = ArticleParser.Parse("page.html", Page(meta, Windows1252));

        Assert.Contains(Story, article.Text);
    }

    [Fact]
    public void The_content_type_charset_comes_before_the_meta()
    {
        var article = ArticleParser.Parse("page.html", Page("<meta charset=\"windows-1252\">", Encoding.UTF8), "text/html; charset=utf-8");

        Assert.Contains(Story, article.Text);
    }

    [Fact]
    public void A_byte_order_mark_comes_before_both()
    {
        byte[] page = [0xEF, 0xBB, 0xBF, .. Page("<meta charset=\"windows-1252\">", Encoding.UTF8)];

        Assert.Contains(Story, ArticleParser.Parse("page.html", page, "text/html; charset=windows-1252").Text);
    }

    [Fact]
    public void A_meta_inside_a_comment_or_past_the_first_kilobyte_declares_nothing_and_the_reason_says_what_was_tried()
    {
        var commented = Assert.Throws<ArticleRejectedException>(() => ArticleParser.Parse("page.html", Page("<!-- <meta charset=\"windows-1252\"> -->", Windows1252)));
        var late = Assert.Throws<ArticleRejectedException>(() => ArticleParser.Parse("page.html", Page(new string(' ', 1100) + "<meta charset=\"windows-1252\">", Windows1252)));

        foreach (var rejected in new[] { commented, late })
        {
            Assert.Equal(RejectionReason.Undecodable, rejected.Reason);
            Assert.Contains("not valid UTF-8", rejected.Message);
            Assert.Contains("tried no byte order mark and no declared charset, so UTF-8", rejected.Message);
        }
    }

    [Fact]
    public void A_failed_declaration_names_its_charset_and_where_it_came_from()
    {
        var unknown = Assert.Throws<ArticleRejectedException>(() => ArticleParser.Parse("page.html", Page("<meta charset=\"klingon-8\">", Encoding.UTF8)));

        Assert.Equal(RejectionReason.Undecodable, unknown.Reason);
        Assert.Equal("Charset 'klingon-8' from the page's <meta> charset is not a known encoding.", unknown.Message);
    }

    [Fact]
    public void Only_html_has_a_meta_a_text_file_in_windows_1252_that_declares_nothing_is_still_refused()
    {
        var rejected = Assert.Throws<ArticleRejectedException>(() => ArticleParser.Parse("story.txt", Windows1252.GetBytes("<meta charset=\"windows-1252\">\n" + Story)));

        Assert.Equal(RejectionReason.Undecodable, rejected.Reason);
    }

    [Fact]
    public void A_utf16_label_in_a_meta_means_utf8_as_the_html_standard_says()
    {
        var article = ArticleParser.Parse("page.html", Page("<meta charset=\"utf-16\">", Encoding.UTF8));

        Assert.Contains(Story, article.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf32_with_a_byte_order_mark_is_decoded_in_either_byte_order(bool bigEndian)
    {
        var utf32 = new UTF32Encoding(bigEndian, byteOrderMark: true);
        byte[] file = [.. utf32.GetPreamble(), .. utf32.GetBytes("Talks resume\n\n" + Story)];

        var article = ArticleParser.Parse("story.txt", file);

        Assert.Equal("Talks resume", article.Title);
        Assert.Contains(Story, article.Text);
    }
}
