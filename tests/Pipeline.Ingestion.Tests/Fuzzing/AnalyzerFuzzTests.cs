using System.Text;
using CsCheck;
using Xunit.Abstractions;
using Pipeline.Analysis;
using Pipeline.Analysis.Offline;
using Pipeline.Ingestion.Parsing;

namespace Pipeline.Ingestion.Tests.Fuzzing;

/// <summary>OfflineTextAnalyzer must never throw on any text, and every offset it reports must index the text it was given.</summary>
[Collection(Fuzz.Collection)]
public class AnalyzerFuzzTests(ITestOutputHelper output)
{
    private static readonly OfflineTextAnalyzer Analyzer = new();

    /// <summary>Random text, the raw structured formats, and what the parser makes of them (the text the pipeline analyses).</summary>
    private static readonly Gen<string> Input = Gen.Frequency(
        (4, FuzzGen.AnyText),
        (1, FuzzGen.Markdown), (1, FuzzGen.Html), (1, FuzzGen.Json),
        (2, Gen.Select(Gen.OneOf(".md", ".html", ".json", ".txt"), Gen.OneOf(FuzzGen.Markdown, FuzzGen.Html, FuzzGen.Json, FuzzGen.LongText), ParsedText)));

    private static readonly Gen<string?> LanguageHint = Gen.OneOf<string?>(null, null, null, "en", "fr", "de", "", "zz", "EN", "en-GB");

    [Fact]
    public void Never_throws_and_every_offset_and_score_is_valid() =>
        Fuzz.Check(Gen.Select(Input, LanguageHint), input =>
        {
            var (text, hint) = input;
            var analysis = Analyzer.AnalyzeAsync([new AnalysisDocument("fuzz", text, hint)], CancellationToken.None).GetAwaiter().GetResult().Single();

            Assert.Equal("fuzz", analysis.Id);
            foreach (var e in analysis.Entities)
            {
                Assert.InRange(e.Offset, 0, text.Length - 1);
                Assert.InRange(e.Length, 1, text.Length - e.Offset);
                Assert.Equal(e.Text, text.Substring(e.Offset, e.Length));
                Assert.InRange(e.ConfidenceScore, 0, 1);
            }
            foreach (var s in analysis.Sentences)
            {
                Assert.InRange(s.Offset, 0, text.Length - 1);
                Assert.InRange(s.Length, 1, text.Length - s.Offset);
                Assert.Equal(s.Text, text.Substring(s.Offset, s.Length));
                AssertScores(s.ConfidenceScores);
            }
            AssertScores(analysis.Sentiment.Scores);
            Assert.InRange(analysis.Language.ConfidenceScore, 0, 1);
            Assert.All(analysis.KeyPhrases, p => Assert.False(string.IsNullOrWhiteSpace(p)));
        }, 3000, output, input => $"({Fuzz.Literal(input.Item1)}, {(input.Item2 is null ? "null" : Fuzz.Literal(input.Item2))})");

    internal static void AssertScores(SentimentScores s)
    {
        Assert.InRange(s.Positive, 0, 1);
        Assert.InRange(s.Neutral, 0, 1);
        Assert.InRange(s.Negative, 0, 1);
        Assert.InRange(s.Positive + s.Neutral + s.Negative, 1 - 1e-9, 1 + 1e-9);
    }

    private static string ParsedText(string extension, string content)
    {
        try
        {
            return ArticleParser.Parse("a" + extension, Encoding.UTF8.GetBytes(content)).Text;
        }
        catch (ArticleRejectedException)
        {
            return content;
        }
    }
}
