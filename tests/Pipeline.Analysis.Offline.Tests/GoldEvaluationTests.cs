using Pipeline.Analysis.Offline.Evaluation;
using Xunit.Abstractions;

namespace Pipeline.Analysis.Offline.Tests;

/// <summary>
/// Measures the offline analyzer against hand-annotated news paragraphs and the labelled review sentences of npm
/// "sentiment", through the same <see cref="AnalyzerEvaluation"/> that the <c>eval</c> command runs.
/// Gold/gold.jsonl is the development set the rules were tuned on by error analysis. Gold/heldout.jsonl was held out
/// until analyzer 1.3 (Org F1 0.79 then, 0.83 after the 1.3 rules) and has been used for error analysis since, so it is
/// development data now. Gold/heldout2.jsonl was written before it was first scored and its errors have never been
/// inspected: its numbers are the honest estimate. Gold/dev3.jsonl (organisation-heavy) was written for error analysis
/// after heldout2 was first scored. All are built by tools/gold/build.py.
/// Reports go to the test output and to files in the test bin folder; the asserted floors are the measured numbers
/// rounded down, so a regression fails while the report says where the analyzer stands.
/// </summary>
public class GoldEvaluationTests(ITestOutputHelper output)
{
    private static readonly OfflineTextAnalyzer Analyzer = new();

    private static string DataPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    // Floors: the measured exact-span F1 of this version, rounded down (the report has the numbers).
    [Theory]
    [InlineData("gold", 60, 600, 0.93, 0.94, 0.92)]
    [InlineData("heldout", 20, 150, 0.99, 0.90, 0.90)]
    [InlineData("dev3", 20, 150, 0.92, 0.91, 0.91)]
    [InlineData("heldout2", 20, 150, 0.92, 0.91, 0.77)]
    public void Entity_recognition_on_annotated_paragraphs(string set, int minParagraphs, int minSpans, double personFloor, double locationFloor, double organizationFloor)
    {
        var gold = AnalyzerEvaluation.LoadGold(DataPath("Gold", set + ".jsonl"));
        Assert.True(gold.Count >= minParagraphs, $"at least {minParagraphs} paragraphs");
        Assert.True(gold.Sum(g => g.Entities.Count) >= minSpans, $"at least {minSpans} annotated spans");
        foreach (var g in gold)
            Assert.All(g.Entities, e => Assert.InRange(e.Start + e.Length, 1, g.Text.Length));

        var evaluation = AnalyzerEvaluation.EvaluateEntities(set, gold, Analyzer.Analyze);
        Publish($"{set}-entity-report.md", $"Offline analyzer {OfflineTextAnalyzer.Version}\n" + AnalyzerEvaluation.FormatEntities(evaluation, withErrors: true));

        var scores = evaluation.Scores;
        Assert.True(scores["Person"].F1(true) >= personFloor, $"Person F1 {scores["Person"].F1(true):F3}");
        Assert.True(scores["Location"].F1(true) >= locationFloor, $"Location F1 {scores["Location"].F1(true):F3}");
        Assert.True(scores["Organization"].F1(true) >= organizationFloor, $"Organization F1 {scores["Organization"].F1(true):F3}");
    }

    [Fact]
    public void Confidence_rises_with_precision_on_the_development_sets_it_was_fitted_on()
    {
        var development = new[] { "gold", "heldout", "dev3" }.SelectMany(set => AnalyzerEvaluation.LoadGold(DataPath("Gold", set + ".jsonl"))).ToList();
        var evaluation = AnalyzerEvaluation.EvaluateEntities("development", development, Analyzer.Analyze);
        output.WriteLine(AnalyzerEvaluation.FormatEntities(evaluation, withErrors: false));
        Assert.True(evaluation.CalibrationIsMonotone, "precision per confidence bucket should rise");
    }

    /// <summary>
    /// Fast mode on the labelled review sentences. amazon and yelp are only ever scored (no rule, word or setting was
    /// chosen by looking at them since analyzer 1.3); imdb is the development set of the sentiment rules and the training
    /// set of both learned models (word-polarity.tsv, minilm-sentiment.tsv), so its number is no estimate.
    /// Analyzer 1.5.0 measured 0.857 / 0.854 / 0.923 (1.4.0: 0.860 / 0.846 / 0.915); the floors are about 0.01 below.
    /// </summary>
    [Theory]
    [InlineData("amazon.json", 0.845)]
    [InlineData("yelp.json", 0.845)]
    [InlineData("imdb.json", 0.91)]
    public void Sentiment_accuracy_on_labelled_review_sentences(string file, double floor)
    {
        var result = AnalyzerEvaluation.EvaluateSentiment(file, DataPath("Fixtures", file), Analyzer.Analyze);
        Publish($"sentiment-{file}.md", AnalyzerEvaluation.FormatSentiment([result]));
        Assert.True(result.PolarityAccuracy >= floor, $"{file}: polarity accuracy {result.PolarityAccuracy:F3}");
    }

    /// <summary>
    /// Accurate mode (MiniLM + a classifier trained on imdb only) on every fifth amazon and yelp sentence, to keep the
    /// test run short; <c>pipeline eval --mode Accurate</c> scores all of them.
    /// </summary>
    [Theory]
    [InlineData("amazon.json", 0.84)]
    [InlineData("yelp.json", 0.86)]
    public void Accurate_mode_sentiment_on_a_sample_of_review_sentences(string file, double floor)
    {
        var all = System.Text.Json.JsonSerializer.Deserialize<List<System.Text.Json.Nodes.JsonObject>>(File.ReadAllText(DataPath("Fixtures", file)))!;
        string sample = Path.Combine(Path.GetTempPath(), $"pipeline-sample-{Guid.NewGuid():N}-{file}");
        File.WriteAllText(sample, System.Text.Json.JsonSerializer.Serialize(all.Where((_, i) => i % 5 == 0)));
        try
        {
            var result = AnalyzerEvaluation.EvaluateSentiment(file + " (every 5th)", sample, Accurate.Value.Analyze);
            Publish($"sentiment-accurate-{file}.md", AnalyzerEvaluation.FormatSentiment([result]));
            Assert.True(result.PolarityAccuracy >= floor, $"{file}: polarity accuracy {result.PolarityAccuracy:F3}");
        }
        finally
        {
            File.Delete(sample);
        }
    }

    private static readonly Lazy<OfflineTextAnalyzer> Accurate = new(() => new OfflineTextAnalyzer(new OfflineAnalyzerOptions { Mode = OfflineAnalyzerMode.Accurate }, Pipeline.Analysis.MiniLM.MiniLmSentiment.Instance));

    private void Publish(string name, string report)
    {
        output.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, name), report);
    }
}
