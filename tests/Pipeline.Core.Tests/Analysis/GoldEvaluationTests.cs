using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Core.Analysis;
using Pipeline.Core.Analysis.Offline;
using Xunit.Abstractions;

namespace Pipeline.Core.Tests.Analysis;

/// <summary>
/// Measures the offline analyzer against hand-annotated news paragraphs and the labelled review sentences of npm
/// "sentiment". Gold/gold.jsonl is the development set the rules were tuned on by error analysis; Gold/heldout.jsonl was
/// written afterwards and never inspected, so its numbers are the honest estimate (both built by tools/gold/build.py).
/// Reports go to the test output and to files in the test bin folder; the asserted floors are the measured numbers
/// rounded down, so a regression fails while the report says where the analyzer stands.
/// </summary>
public class GoldEvaluationTests(ITestOutputHelper output)
{
    private static readonly OfflineTextAnalyzer Analyzer = new();
    private static readonly string[] Categories = ["Person", "Location", "Organization", "Event", "Product", "DateTime", "Quantity"];

    private sealed record GoldEntity(int Start, int Length, string Category);

    private sealed record GoldParagraph(string Id, string Domain, string Text, List<GoldEntity> Entities);

    private sealed record Labelled(string Text, int? Class);

    internal sealed record Score(int Gold, int Predicted, int Exact, int Overlap)
    {
        public double Precision(bool exact) => Predicted == 0 ? 0 : (double)(exact ? Exact : Overlap) / Predicted;
        public double Recall(bool exact) => Gold == 0 ? 0 : (double)(exact ? Exact : Overlap) / Gold;
        public double F1(bool exact) => Precision(exact) + Recall(exact) == 0 ? 0 : 2 * Precision(exact) * Recall(exact) / (Precision(exact) + Recall(exact));
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static List<GoldParagraph> LoadGold(string set) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Analysis", "Gold", set + ".jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<GoldParagraph>(l, Json)!)
            .ToList();

    internal static Dictionary<string, Score> Evaluate(IEnumerable<(IReadOnlyList<(int Start, int Length, string Category)> Gold, IReadOnlyList<EntityMention> Predicted)> documents)
    {
        var counts = Categories.ToDictionary(c => c, _ => new int[4]);
        foreach (var (gold, predicted) in documents)
        {
            foreach (var category in Categories)
            {
                var g = gold.Where(e => e.Category == category).ToList();
                var p = predicted.Where(e => e.Category == category).ToList();
                var c = counts[category];
                c[0] += g.Count;
                c[1] += p.Count;
                c[2] += p.Count(x => g.Any(y => y.Start == x.Offset && y.Length == x.Length));
                // Overlap matching is one-to-one, so one long prediction cannot match two gold spans.
                var used = new bool[g.Count];
                foreach (var x in p)
                {
                    int k = g.FindIndex(y => !used[g.IndexOf(y)] && y.Start < x.Offset + x.Length && x.Offset < y.Start + y.Length);
                    if (k < 0) continue;
                    used[k] = true;
                    c[3]++;
                }
            }
        }
        return counts.ToDictionary(kv => kv.Key, kv => new Score(kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3]));
    }

    // Floors: the measured exact-span F1 of this version, rounded down (the report has the numbers).
    [Theory]
    [InlineData("gold", 60, 600, PersonFloor, LocationFloor, OrganizationFloor)]
    [InlineData("heldout", 20, 150, 0.97, 0.86, 0.78)]
    public void Entity_recognition_on_annotated_paragraphs(string set, int minParagraphs, int minSpans, double personFloor, double locationFloor, double organizationFloor)
    {
        var gold = LoadGold(set);
        Assert.True(gold.Count >= minParagraphs, $"at least {minParagraphs} paragraphs");
        Assert.True(gold.Sum(g => g.Entities.Count) >= minSpans, $"at least {minSpans} annotated spans");
        foreach (var g in gold)
            Assert.All(g.Entities, e => Assert.InRange(e.Start + e.Length, 1, g.Text.Length));

        var results = gold.Select(g => (
            Gold: (IReadOnlyList<(int, int, string)>)g.Entities.Select(e => (e.Start, e.Length, e.Category)).ToList(),
            Predicted: Analyzer.Analyze(new AnalysisDocument(g.Id, g.Text, "en")).Entities)).ToList();
        var scores = Evaluate(results);

        var report = new StringBuilder();
        report.AppendLine($"Offline analyzer {OfflineTextAnalyzer.Version} on {set}: {gold.Count} paragraphs, {gold.Sum(g => g.Entities.Count)} spans");
        report.AppendLine("| category | gold | predicted | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (category, s) in scores)
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {category} | {s.Gold} | {s.Predicted} | {s.Precision(true):F3} | {s.Recall(true):F3} | {s.F1(true):F3} | {s.Precision(false):F3} | {s.Recall(false):F3} | {s.F1(false):F3} |"));
        report.AppendLine();
        report.AppendLine("Misses and false positives (exact span):");
        foreach (var (g, (_, predicted)) in gold.Zip(results))
        {
            foreach (var e in g.Entities.Where(e => !predicted.Any(p => p.Offset == e.Start && p.Length == e.Length && p.Category == e.Category)))
                report.AppendLine($"  {g.Id} miss  {e.Category,-12} {g.Text.Substring(e.Start, e.Length)}");
            foreach (var p in predicted.Where(p => Categories.Contains(p.Category) && !g.Entities.Any(e => p.Offset == e.Start && p.Length == e.Length && p.Category == e.Category)))
                report.AppendLine($"  {g.Id} extra {p.Category,-12} {p.Text}");
        }
        Publish($"{set}-entity-report.md", report.ToString());

        Assert.True(scores["Person"].F1(true) >= personFloor, $"Person F1 {scores["Person"].F1(true):F3}");
        Assert.True(scores["Location"].F1(true) >= locationFloor, $"Location F1 {scores["Location"].F1(true):F3}");
        Assert.True(scores["Organization"].F1(true) >= organizationFloor, $"Organization F1 {scores["Organization"].F1(true):F3}");
    }

    private const double PersonFloor = 0.92, LocationFloor = 0.92, OrganizationFloor = 0.79;
    private const double SentimentFloor = 0.73;

    [Fact]
    public void Sentiment_accuracy_on_labelled_review_sentences()
    {
        var report = new StringBuilder();
        report.AppendLine("| data set | sentences | polarity accuracy | strict accuracy (neutral counts as wrong) |");
        report.AppendLine("|---|---|---|---|");
        double worst = 1;
        foreach (var file in new[] { "amazon.json", "yelp.json" })
        {
            // The files end with an unlabelled entry, which cannot be scored.
            var items = JsonSerializer.Deserialize<List<Labelled>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Analysis", "Fixtures", file)), Json)!
                .Where(i => i.Class is not null).ToList();
            int polarity = 0, strict = 0;
            foreach (var item in items)
            {
                var sentiment = Analyzer.Analyze(new AnalysisDocument("s", item.Text, "en")).Sentiment;
                bool positive = sentiment.Scores.Positive > sentiment.Scores.Negative, negative = sentiment.Scores.Negative > sentiment.Scores.Positive;
                if (item.Class == 1 ? positive : negative) polarity++;
                if (item.Class == 1 ? sentiment.Label == SentimentLabel.Positive : sentiment.Label == SentimentLabel.Negative) strict++;
            }
            double accuracy = (double)polarity / items.Count;
            worst = Math.Min(worst, accuracy);
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {file} | {items.Count} | {accuracy:F3} | {(double)strict / items.Count:F3} |"));
        }
        Publish("sentiment-report.md", report.ToString());
        Assert.True(worst >= SentimentFloor, $"polarity accuracy {worst:F3}");
    }

    private void Publish(string name, string report)
    {
        output.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, name), report);
    }
}
