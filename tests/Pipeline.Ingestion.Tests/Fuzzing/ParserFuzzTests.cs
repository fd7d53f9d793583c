using System.Collections.Concurrent;
using System.Text;
using CsCheck;
using Xunit.Abstractions;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Fuzzing;

/// <summary>
/// ArticleParser.Parse on anything: it returns a clean article or throws ArticleRejectedException (the file is quarantined),
/// never any other exception, which would make the blob trigger retry a poison file until it is dead-lettered.
/// </summary>
[Collection(Fuzz.Collection)]
public class ParserFuzzTests(ITestOutputHelper output)
{
    private const int MaxTitleLength = 300;

    [Fact]
    public void Arbitrary_bytes_under_every_extension_parse_or_are_rejected() =>
        Run(Gen.Select(Gen.OneOf(FuzzGen.Extensions), Gen.Frequency(
            (2, Gen.Byte.Array[0, 300]),
            (1, FuzzGen.Mutated(FuzzGen.Encoded(FuzzGen.Text))),
            (1, FuzzGen.Mutated(FuzzGen.Encoded(FuzzGen.Html))),
            (1, FuzzGen.Mutated(FuzzGen.Encoded(FuzzGen.Json))))), 5000, expectAccepted: false);

    [Fact]
    public void Unicode_text_under_every_extension_parses_or_is_rejected() =>
        Run(Gen.Select(Gen.OneOf(FuzzGen.Extensions), FuzzGen.Encoded(FuzzGen.Text)), 5000);

    [Fact]
    public void Long_first_lines_become_titles_of_at_most_300_chars() =>
        Run(Gen.Select(Gen.OneOf(".txt", ".md"), FuzzGen.Encoded(FuzzGen.LongFirstLine)), 1000);

    [Fact]
    public void Markdown_with_front_matter_parses_or_is_rejected() =>
        Run(Gen.Select(Gen.OneOf(".md", ".markdown", ".txt"), FuzzGen.Encoded(FuzzGen.Markdown)), 3000);

    [Fact]
    public void Html_with_random_nesting_attributes_comments_and_scripts_parses_or_is_rejected() =>
        Run(Gen.Select(Gen.OneOf(".html", ".htm", ".md"), FuzzGen.Encoded(FuzzGen.Html)), 2000);

    [Fact]
    public void Html_nested_around_the_nesting_guard_parses_or_is_rejected_as_too_complex() =>
        Run(Gen.Select(Gen.Const(".html"), FuzzGen.Encoded(FuzzGen.HtmlDeep)), 100);

    [Fact]
    public void Json_values_of_every_shape_and_depth_parse_or_are_rejected() =>
        Run(Gen.Select(Gen.OneOf(".json", ".JSON", ".txt"), FuzzGen.Encoded(FuzzGen.Json)), 4000);

    private void Run(Gen<(string Extension, byte[] Bytes)> gen, long iterations, bool expectAccepted = true)
    {
        var outcomes = new ConcurrentDictionary<string, int>();
        Fuzz.Check(gen, input =>
            {
                string outcome = ParseOrReject("article" + input.Extension, input.Bytes);
                outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            },
            iterations, output, input => $"(\"{input.Extension}\", {Fuzz.Literal(input.Bytes)}) = {Fuzz.Literal(Encoding.UTF8.GetString(input.Bytes))}");
        output.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}")));
        // A generator that never gets past the decoder tests nothing behind it.
        if (expectAccepted)
            Assert.True(outcomes.GetValueOrDefault("accepted") > 0, "no generated input was accepted");
    }

    /// <summary>The property: "accepted" with a well-formed article, or the rejection reason; any other exception fails.</summary>
    internal static string ParseOrReject(string name, byte[] bytes)
    {
        ParsedArticle article;
        try
        {
            article = ArticleParser.Parse(name, bytes);
        }
        catch (ArticleRejectedException e)
        {
            return e.Reason.ToString();
        }
        AssertWellFormed(article);
        return "accepted";
    }

    internal static void AssertWellFormed(ParsedArticle article)
    {
        Assert.NotEqual("", article.Text);
        Assert.True(article.Title.Length <= MaxTitleLength + 1, $"title of {article.Title.Length} chars");
        Assert.DoesNotContain('\n', article.Title);
        foreach (string text in new[] { article.Text, article.Title })
        {
            Assert.True(Fuzz.IsWellFormedUtf16(text), $"lone surrogate in {Fuzz.Literal(text)}");
            Assert.True(text.IsNormalized(NormalizationForm.FormC), $"not NFC: {Fuzz.Literal(text)}");
            Assert.DoesNotContain('\r', text);
            Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n');
        }
        foreach (string? value in new[] { article.Url, article.Publisher, article.Language, article.ExternalId })
        {
            if (value is null) continue;
            Assert.True(Fuzz.IsWellFormedUtf16(value), $"lone surrogate in {Fuzz.Literal(value)}");
            Assert.DoesNotContain(value, char.IsControl);
        }
    }
}
