using System.Text;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Parsing;

public class ArticleParserTests
{
    private static ParsedArticle Parse(string name, string content) => ArticleParser.Parse(name, Encoding.UTF8.GetBytes(content));

    [Fact]
    public void Text_title_is_the_first_non_empty_line()
    {
        var article = Parse("a.txt", "\n\n  Markets rally  \n\nShares rose 3% on Monday.\nTraders cheered.");

        Assert.Equal("Markets rally", article.Title);
        Assert.Equal("Markets rally\n\nShares rose 3% on Monday.\nTraders cheered.", article.Text);
        Assert.Equal("txt", article.Format);
    }

    [Fact]
    public void A_paragraph_long_first_line_is_shortened_for_the_title_but_kept_whole_in_the_text()
    {
        string line = string.Join(' ', Enumerable.Repeat("The envoy spoke at length about guarantees.", 12));
        var article = Parse("long.txt", line + "\nSecond paragraph.");

        Assert.True(article.Title.Length <= 300);
        Assert.EndsWith("…", article.Title);
        Assert.StartsWith(line, article.Text);
    }

    [Fact]
    public void Markdown_front_matter_sets_the_metadata_and_markup_is_removed()
    {
        var article = Parse("a.md", """
            ---
            title: "Chipmaker beats forecasts"
            source: Wire
            url: https://news.example/chip
            publishedAt: 2026-03-01T09:30:00+01:00
            language: EN
            ---
            # Ignored heading when front matter has a title

            **Shares** rose after [Acme](https://acme.example) said _profits_ doubled.

            - first point
            > a quote
            ![chart](chart.png)
            """);

        Assert.Equal("Chipmaker beats forecasts", article.Title);
        Assert.Equal("Wire", article.Publisher);
        Assert.Equal("https://news.example/chip", article.Url);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("en", article.Language);
        Assert.Contains("Shares rose after Acme said profits doubled.", article.Text);
        Assert.Contains("first point\na quote", article.Text);
        Assert.DoesNotContain("chart", article.Text);
        Assert.DoesNotContain("](", article.Text);
    }

    [Fact]
    public void Markdown_without_front_matter_takes_the_first_heading_as_title()
    {
        var article = Parse("b.md", "# Glaciers shrink\n\nThe ice lost 3% of its volume.");
        Assert.Equal("Glaciers shrink", article.Title);
        Assert.Equal("Glaciers shrink\n\nThe ice lost 3% of its volume.", article.Text);
    }

    [Fact]
    public void Html_keeps_the_article_body_and_drops_page_furniture()
    {
        var article = Parse("a.html", """
            <html lang="en"><head><title>Summit ends in deal</title><style>p{color:red}</style>
            <meta property="article:published_time" content="2026-05-04T10:00:00Z"></head>
            <body><nav>Home | World</nav><header>Site header</header>
            <article><h1>Summit ends in deal</h1><p>Leaders agreed on <b>funding</b>.</p><aside>Read more</aside>
            <script>track()</script><p>Talks resume in June.</p></article><footer>© Site</footer></body></html>
            """);

        Assert.Equal("Summit ends in deal", article.Title);
        Assert.Equal("Summit ends in deal\n\nLeaders agreed on funding.\n\nTalks resume in June.", article.Text);
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void Html_without_a_title_element_uses_the_h1()
    {
        var article = Parse("c.html", "<body><article><h1>Cup final goes to extra time</h1><p>Bergen won 2-1.</p></article></body>");
        Assert.Equal("Cup final goes to extra time", article.Title);
    }

    [Fact]
    public void Json_takes_body_or_text_and_the_optional_fields()
    {
        var full = Parse("a.json", """{"id": 42, "title": "T", "body": "B text.", "url": "u", "source": "s", "publishedAt": "2026-01-02T03:04:05Z", "language": "fr"}""");
        var textOnly = Parse("b.json", """{"title": "T2", "text": "Only text."}""");

        Assert.Equal(("T", "T\n\nB text.", "42", "fr"), (full.Title, full.Text, full.ExternalId, full.Language));
        Assert.Equal("T2\n\nOnly text.", textOnly.Text);
    }

    [Theory]
    [InlineData("x.json", "{\"title\": \"T\", \"body\": \"unterminated", RejectionReason.MalformedJson)]
    [InlineData("x.json", "[{\"title\": \"T\", \"body\": \"B\"}]", RejectionReason.MalformedJson)]
    [InlineData("x.json", "{\"title\": \"T\"}", RejectionReason.MissingBody)]
    [InlineData("x.json", "{\"title\": \"T\", \"body\": 12}", RejectionReason.MissingBody)]
    [InlineData("x.html", "<html><head><title>Only a title</title></head><body><nav>menu</nav><article> </article></body></html>", RejectionReason.NoText)]
    [InlineData("x.md", "   \n\n  ", RejectionReason.Empty)]
    [InlineData("x.pdf", "%PDF-1.7", RejectionReason.UnsupportedFormat)]
    [InlineData("noextension", "text", RejectionReason.UnsupportedFormat)]
    public void Bad_input_is_rejected_with_its_reason(string name, string content, RejectionReason reason)
    {
        Assert.Equal(reason, Assert.Throws<ArticleRejectedException>(() => Parse(name, content)).Reason);
    }

    [Fact]
    public void Deeply_nested_json_is_rejected_not_overflowing_the_stack()
    {
        string nested = "{\"title\":\"T\",\"body\":\"B\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        Assert.Equal(RejectionReason.MalformedJson, Assert.Throws<ArticleRejectedException>(() => Parse("n.json", nested)).Reason);
    }

    [Fact]
    public void Html_with_more_elements_than_a_page_may_have_is_too_complex_before_any_dom_is_built()
    {
        static string Page(int paragraphs) => "<html><body>" + string.Concat(Enumerable.Repeat("<p>", paragraphs - 2)) + "Envoys met in Kyiv.";

        var atLimit = Parse("limit.html", Page(500_000));
        var rejected = Assert.Throws<ArticleRejectedException>(() => Parse("over.html", Page(500_001)));

        Assert.Equal("Envoys met in Kyiv.", atLimit.Text.Trim());
        Assert.Equal(RejectionReason.TooComplex, rejected.Reason);
        Assert.Contains("500,001 elements", rejected.Message, StringComparison.Ordinal);
    }
}
