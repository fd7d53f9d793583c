using System.Globalization;
using Pipeline.Analysis.Offline;
using Pipeline.Analysis.Text;

namespace Pipeline.Analysis.Offline.Tests;

public class OfflineRobustnessTests
{
    private static readonly OfflineTextAnalyzer Analyzer = new();

    public static TheoryData<string> Awkward => new()
    {
        "",
        " ",
        "\t\r\n \u00A0\u2029",
        "\0\u0001\u0002\u001F\u007F",
        "\uD83D",
        "\uDC00 lone low surrogate",
        "👨‍👩‍👧‍👦 family 🇺🇦 flag 👍🏽 thumbs",
        "e\u0301e\u0301\u0301 Zoe\u0308 cafe\u0301.",
        "مرحبا بالعالم. هذا نص عربي مع English words و 123.",
        "שלום עולם \u202Eevil\u202C text",
        "日本語の文章です。中文句子！",
        "ＡＢＣ１２３ full width",
        new string('a', 5000),
        string.Concat(Enumerable.Repeat("U.S.", 500)),
        "((((((((( ))))))))) .... !!!! ???? '''' \"\" ---",
        "Mr. Dr. St. U.S. A. B. C.",
        "$ € £ % 12% $5bn 1990s 2020-2024 3rd 10am 45-year-old",
    };

    [Theory]
    [MemberData(nameof(Awkward))]
    public void Never_throws_and_every_offset_is_valid(string text)
    {
        foreach (var hint in new[] { null, "en", "fr" })
        {
            var analysis = Analyzer.Analyze(new AnalysisDocument("x", text, hint));
            AssertValid(text, analysis);
        }
    }

    [Fact]
    public void Offsets_are_valid_on_random_text_with_emoji_combining_marks_and_right_to_left_script()
    {
        string[] pieces =
        [
            "Ukraine", "NATO", "President", "Zelensky", "said", "fell", "12%", "$5", "billion", "on", "Monday", "🇺🇦", "👍🏽",
            "e\u0301", "\u0301", "مرحبا", "שלום", "日本", "\uD83D\uDE00", "\u200D", ".", ",", "(", ")", "U.S.", "'s", "-", "\n", "  ",
            "Dr.", "Steve", "\uFEFF", "\u0000", "Ⅻ", "𝔘𝔫𝔦", "Zoë", "İstanbul", "ǅ",
        ];
        var random = new Random(1234);
        for (int round = 0; round < 300; round++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 60)).Select(_ => pieces[random.Next(pieces.Length)]);
            string text = string.Join(random.Next(3) == 0 ? "" : " ", parts);
            AssertValid(text, Analyzer.Analyze(new AnalysisDocument(round.ToString(CultureInfo.InvariantCulture), text, null)));
        }
    }

    [Fact]
    public async Task Is_reusable_across_threads()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-ukraine-security-guarantees.txt"));
        var expected = Analyzer.Analyze(new AnalysisDocument("1", text, null));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Analyzer.AnalyzeAsync([new AnalysisDocument("1", text, null)], CancellationToken.None))));
        Assert.All(results, r => Assert.Equal(expected.Entities, r[0].Entities));
    }

    [Fact]
    public async Task Returns_results_in_input_order_and_reports_its_version()
    {
        var results = await Analyzer.AnalyzeAsync([new("a", "Paris is lovely.", null), new("b", "", null)], CancellationToken.None);
        Assert.Equal(["a", "b"], results.Select(r => r.Id));
        Assert.Equal("offline", Analyzer.Info.Name);
        Assert.Equal(OfflineTextAnalyzer.Version, Analyzer.Info.Version);
        Assert.Equal("(Unknown)", results[1].Language.Iso6391Name);
    }

    private static void AssertValid(string text, DocumentAnalysis analysis)
    {
        foreach (var e in analysis.Entities)
        {
            Assert.InRange(e.Offset, 0, text.Length);
            Assert.InRange(e.Length, 1, text.Length - e.Offset);
            Assert.Equal(e.Text, text.Substring(e.Offset, e.Length));
            Assert.False(char.IsLowSurrogate(text[e.Offset]), "entity starts inside a surrogate pair");
            Assert.InRange(e.ConfidenceScore, 0, 1);
        }
        foreach (var s in analysis.Sentences)
        {
            Assert.Equal(s.Text, text.Substring(s.Offset, s.Length));
            AssertSumsToOne(s.ConfidenceScores);
        }
        AssertSumsToOne(analysis.Sentiment.Scores);
        Assert.True(analysis.KeyPhrases.Count <= KeyPhraseExtractor.MaxPhrases);
    }

    private static void AssertSumsToOne(SentimentScores s)
    {
        Assert.Equal(1.0, s.Positive + s.Neutral + s.Negative, 6);
        Assert.True(s.Positive >= 0 && s.Neutral >= 0 && s.Negative >= 0);
    }

    [Fact]
    public void A_run_of_final_marks_ends_one_sentence_however_long_it_is()
    {
        const string text = "Wait... what?! It rained again!!!! Mr. Lima left.";
        var sentences = SentenceSplitter.Split(text, Tokenizer.Tokenize(text));
        var dots = "Title\n\n" + new string('.', 100_000);

        Assert.Equal(["Wait...", "what?!", "It rained again!!!!", "Mr. Lima left."], sentences.Select(s => Text(text, s)));
        Assert.Equal(2, SentenceSplitter.Split(dots, Tokenizer.Tokenize(dots)).Count);
    }

    [Fact]
    public void A_German_day_before_its_month_ends_no_sentence()
    {
        const string text = "Die Preise steigen zum 1. Januar um 18 Prozent. Er traf 12. Dann ging er.";
        var sentences = Analyzer.Analyze(new AnalysisDocument("1", text, "de")).Sentences;

        Assert.Equal(["Die Preise steigen zum 1. Januar um 18 Prozent.", "Er traf 12.", "Dann ging er."], sentences.Select(s => s.Text));
    }

    [Fact]
    public void An_English_number_before_a_month_name_ends_its_sentence()
    {
        const string text = "The home side won 2-1 and he scored 12. March is next.";
        var sentences = Analyzer.Analyze(new AnalysisDocument("1", text, "en")).Sentences;

        Assert.Equal(["The home side won 2-1 and he scored 12.", "March is next."], sentences.Select(s => s.Text));
    }

    [Theory]
    [InlineData("Hij woont in 's-Hertogenbosch.", "'s-Hertogenbosch")]
    [InlineData("Hij woont in ’s-Gravenhage.", "’s-Gravenhage")]
    public void A_Dutch_place_opened_by_an_old_genitive_is_one_capitalised_word(string text, string place)
    {
        var token = Tokenizer.Tokenize(text).Single(t => text.Substring(t.Start, t.Length) == place);
        Assert.Equal(TokenKind.Word, token.Kind);
        Assert.True(token.Capitalised);
    }

    [Fact]
    public void A_possessive_still_splits_after_a_name()
    {
        const string text = "It is the team's day.";
        Assert.Contains(Tokenizer.Tokenize(text), t => text.Substring(t.Start, t.Length) == "'s");
    }

    private static string Text(string text, SentenceRange sentence)
    {
        var tokens = Tokenizer.Tokenize(text);
        return text[tokens[sentence.Start].Start..tokens[sentence.End - 1].End];
    }
}
