using System.Globalization;
using System.Text;
using Pipeline.Analysis;
using Pipeline.Analysis.Offline;
using Pipeline.Ingestion.Enrichment;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Fuzzing;

/// <summary>Bugs the fuzz properties found, each as a plain test with the shrunk input.</summary>
public class Regressions
{
    private static readonly OfflineTextAnalyzer Analyzer = new();

    /// <summary>
    /// AnalyzerFuzzTests: KeyNotFoundException in KeyPhraseExtractor for a one-word phrase starting with the Angstrom sign
    /// (U+212B): the word was looked up by its ToLowerInvariant form, which OrdinalIgnoreCase does not match to the original.
    /// </summary>
    [Theory]
    [InlineData("\u212B\u5CD5")]
    [InlineData("It was measured in \u212Aelvin.")]
    public async Task Key_phrases_of_words_whose_lower_case_is_another_key_do_not_throw(string text)
    {
        var analysis = (await Analyzer.AnalyzeAsync([new AnalysisDocument("1", text, "en")], CancellationToken.None)).Single();
        Assert.NotEmpty(analysis.KeyPhrases);
    }

    /// <summary>
    /// NormalizerFuzzTests / ParserFuzzTests: NFC ran before control and format characters were dropped, so dropping them
    /// left sequences NFC composes or reorders; the output was not NFC and Normalize was not idempotent.
    /// </summary>
    [Theory]
    [InlineData("e\u0000\u0301", "\u00E9")]
    [InlineData("e\uFEFF\u0301", "\u00E9")]
    [InlineData("]\u0301\u0001\u0316", "]\u0316\u0301")]
    [InlineData("\u1100\u00AD\u1161", "\uAC00")]
    public void Normalize_composes_what_dropping_control_characters_brings_together(string input, string expected)
    {
        string normalized = TextNormalizer.Normalize(input);
        Assert.Equal(expected, normalized);
        Assert.Equal(normalized, TextNormalizer.Normalize(normalized));
    }

    [Fact]
    public void A_parsed_article_is_nfc_even_when_control_characters_separated_combining_marks()
    {
        var article = ArticleParser.Parse("a.txt", Encoding.UTF8.GetBytes("Title\nCafe\u0007\u0301 ]\u0301\u0001\u0308\u0316"));
        Assert.True(article.Text.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Title\n\nCaf\u00E9 ]\u0316\u0301\u0308", article.Text);
    }

    /// <summary>
    /// ParserFuzzTests (long first lines): a title with no space in its second half was cut at a fixed 299 chars, which
    /// split an emoji's surrogate pair and left a lone surrogate in the title (and could split a flag in two).
    /// </summary>
    [Theory]
    [InlineData("\U0001F600", 298)]           // the cut at 299 fell between the two halves of the surrogate pair
    [InlineData("\U0001F1FA\U0001F1E6", 296)] // ... inside the second regional indicator of the flag
    [InlineData("x\u0301", 298)]              // ... between a letter and its accent
    public void A_long_title_is_cut_between_grapheme_clusters(string straddling, int before)
    {
        string prefix = new('a', before);
        string firstLine = prefix + straddling + new string('b', 100);

        var article = ArticleParser.Parse("a.txt", Encoding.UTF8.GetBytes(firstLine + "\nThe body."));

        Assert.Equal(prefix + "\u2026", article.Title);
    }

    /// <summary>
    /// ParserFuzzTests (JSON): a \u escape that is a lone surrogate is valid JSON syntax, but System.Text.Json's GetString
    /// threw InvalidOperationException for it, which escaped as a retryable failure instead of a quarantine.
    /// </summary>
    [Theory]
    [InlineData("""{"title":"T","body":" \uDC00\uD800 "}""")]
    [InlineData("""{"title":"\uD83D","body":"Text."}""")]
    [InlineData("""{"\uDC00":1,"body":"Text."}""")]
    public void Json_strings_with_lone_surrogate_escapes_are_rejected_as_malformed(string json)
    {
        var rejected = Assert.Throws<ArticleRejectedException>(() => ArticleParser.Parse("a.json", Encoding.UTF8.GetBytes(json)));
        Assert.Equal(RejectionReason.MalformedJson, rejected.Reason);
    }

    /// <summary>
    /// ParserFuzzTests (JSON-looking .txt): U+FFFE and U+FFFF are valid UTF-8, but string.Normalize throws ArgumentException
    /// on them ("String contains invalid Unicode code points"), so such a file escaped as a retryable failure.
    /// </summary>
    [Theory]
    [InlineData("Title\nBody \uFFFE text\uFFFF.", "Title\n\nBody text.")]
    [InlineData("\uFFFF\uFFFETitle\nBody.", "Title\n\nBody.")]
    public void Noncharacters_are_dropped_not_thrown_on(string file, string expected)
    {
        Assert.Equal(expected, ArticleParser.Parse("a.txt", Encoding.UTF8.GetBytes(file)).Text);
    }

    [Fact]
    public void Normalize_replaces_lone_surrogates_instead_of_throwing()
    {
        Assert.Equal("a\uFFFDb\uFFFD \U0001F600", TextNormalizer.Normalize("a\uD800b\uDC00 \U0001F600"));
    }

    /// <summary>
    /// ChunkerFuzzTests: a sentence that starts (after a line break) with a combining mark preceded by a space began a chunk
    /// in the middle of the grapheme cluster " \u0301": token boundaries are not always cluster boundaries.
    /// </summary>
    [Fact]
    public void A_chunk_never_starts_with_a_combining_mark_that_belongs_to_the_space_before_it()
    {
        string text = "One two three four\n \u0301abcdefghijklmnopqrstuvwxyz";

        var chunks = TextChunker.Split(text, 16);

        Assert.Equal(text, string.Concat(chunks.Select(c => c.Text)));
        var boundaries = Fuzz.GraphemeBoundaries(text);
        Assert.All(chunks, c => Assert.True(boundaries.Contains(c.Offset), $"chunk at {c.Offset} starts inside a grapheme cluster"));
        Assert.All(chunks, c => Assert.InRange(new StringInfo(c.Text).LengthInTextElements, 1, 16));
    }

    /// <summary>
    /// ParserFuzzTests (seed bYbt_qZO9Be1, in CI): AngleSharp's tree builder threw NullReferenceException in its
    /// adoption-agency step on generated markup (a formatting end tag inside a table row, foster-parented). The input is
    /// about 5 KB and CsCheck could not shrink it, so the regression replays the generator at that seed. It must now be
    /// rejected as MalformedHtml instead of escaping as an exception (which the host would retry into the poison queue).
    /// </summary>
    [Fact]
    public void Html_that_crashes_the_tree_builder_is_rejected_as_malformed()
    {
        string? outcome = null;
        CsCheck.Check.Sample(CsCheck.Gen.Select(CsCheck.Gen.OneOf(".html", ".htm", ".md"), FuzzGen.Encoded(FuzzGen.Html)),
            input => outcome = ParserFuzzTests.ParseOrReject("article" + input.Item1, input.Item2), seed: "bYbt_qZO9Be1", iter: 1, threads: 1);
        Assert.Equal(nameof(RejectionReason.MalformedHtml), outcome);
    }
}
