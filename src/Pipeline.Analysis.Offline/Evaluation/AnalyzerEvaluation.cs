using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Analysis.Offline.Evaluation;

public sealed record GoldEntity(int Start, int Length, string Category);

public sealed record GoldParagraph(string Id, string Domain, string Text, List<GoldEntity> Entities);

/// <summary>Counts for one category: gold spans, predicted spans, exact matches and one-to-one overlap matches.</summary>
public sealed record CategoryScore(int Gold, int Predicted, int Exact, int Overlap)
{
    public double Precision(bool exact) => Predicted == 0 ? 0 : (double)(exact ? Exact : Overlap) / Predicted;
    public double Recall(bool exact) => Gold == 0 ? 0 : (double)(exact ? Exact : Overlap) / Gold;
    public double F1(bool exact) => Precision(exact) + Recall(exact) == 0 ? 0 : 2 * Precision(exact) * Recall(exact) / (Precision(exact) + Recall(exact));
}

/// <summary>Predictions whose confidence lies in [Low, High) and how many of them are right (exact span and category).</summary>
public sealed record CalibrationBucket(double Low, double High, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
}

public sealed record EntityEvaluation(
    string Set, int Paragraphs, int Spans, IReadOnlyDictionary<string, CategoryScore> Scores,
    IReadOnlyList<CalibrationBucket> Calibration, IReadOnlyList<string> Errors)
{
    /// <summary>Whether precision never falls as confidence rises (over the buckets that hold predictions).</summary>
    public bool CalibrationIsMonotone
    {
        get
        {
            double previous = -1;
            foreach (var b in Calibration.Where(b => b.Predicted >= AnalyzerEvaluation.MinimumBucketSize))
            {
                if (b.Precision < previous) return false;
                previous = b.Precision;
            }
            return true;
        }
    }
}

public sealed record SentimentEvaluation(string Name, int Sentences, double PolarityAccuracy, double StrictAccuracy);

/// <summary>
/// The analyzer's evaluation, shared by the gold-set tests and the <c>eval</c> command: entity precision, recall and F1
/// per category (exact span and one-to-one overlap) on annotated paragraphs (JSON lines built by tools/gold/build.py),
/// a calibration table (precision per confidence bucket) and sentiment accuracy on labelled sentences (the JSON
/// fixtures of npm "sentiment": <c>[{"text": ..., "class": 0|1}]</c>).
/// </summary>
public static class AnalyzerEvaluation
{
    public static readonly string[] Categories = [EntityCategories.Person, EntityCategories.Location, EntityCategories.Organization, EntityCategories.Event, EntityCategories.Product, EntityCategories.DateTime, EntityCategories.Quantity];

    /// <summary>Bucket edges of the calibration table.</summary>
    public static readonly double[] BucketEdges = [0, 0.7, 0.8, 0.9, 0.95, 1.0001];

    /// <summary>Buckets with fewer predictions than this are shown but not judged: one error in five moves precision by 0.2.</summary>
    public const int MinimumBucketSize = 10;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private sealed record Labelled(string Text, int? Class);

    public static List<GoldParagraph> LoadGold(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<GoldParagraph>(l, Json)!).ToList();

    public static EntityEvaluation EvaluateEntities(string set, IReadOnlyList<GoldParagraph> gold, Func<AnalysisDocument, DocumentAnalysis> analyze, string language = "en")
    {
        var counts = Categories.ToDictionary(c => c, _ => new int[4]);
        var buckets = new int[BucketEdges.Length - 1, 2];
        var errors = new List<string>();
        foreach (var paragraph in gold)
        {
            var predicted = analyze(new AnalysisDocument(paragraph.Id, paragraph.Text, language)).Entities;
            foreach (var category in Categories)
            {
                var g = paragraph.Entities.Where(e => e.Category == category).ToList();
                var p = predicted.Where(e => e.Category == category).ToList();
                var c = counts[category];
                c[0] += g.Count;
                c[1] += p.Count;
                c[2] += p.Count(x => g.Any(y => y.Start == x.Offset && y.Length == x.Length));
                // Overlap matching is one-to-one, so one long prediction cannot match two gold spans.
                var used = new bool[g.Count];
                foreach (var x in p)
                {
                    int k = -1;
                    for (int i = 0; i < g.Count && k < 0; i++)
                        if (!used[i] && g[i].Start < x.Offset + x.Length && x.Offset < g[i].Start + g[i].Length) k = i;
                    if (k < 0) continue;
                    used[k] = true;
                    c[3]++;
                }
            }
            foreach (var p in predicted.Where(p => Categories.Contains(p.Category)))
            {
                bool right = paragraph.Entities.Any(e => p.Offset == e.Start && p.Length == e.Length && p.Category == e.Category);
                int b = 0;
                while (b < BucketEdges.Length - 2 && p.ConfidenceScore >= BucketEdges[b + 1]) b++;
                buckets[b, 0]++;
                if (right) buckets[b, 1]++;
                if (!right) errors.Add(string.Create(CultureInfo.InvariantCulture, $"{paragraph.Id} extra {p.Category,-12} {p.ConfidenceScore:F2} {p.Text}"));
            }
            foreach (var e in paragraph.Entities.Where(e => !predicted.Any(p => p.Offset == e.Start && p.Length == e.Length && p.Category == e.Category)))
                errors.Add($"{paragraph.Id} miss  {e.Category,-12}      {paragraph.Text.Substring(e.Start, e.Length)}");
        }
        var calibration = Enumerable.Range(0, BucketEdges.Length - 1)
            .Select(b => new CalibrationBucket(BucketEdges[b], Math.Min(1, BucketEdges[b + 1]), buckets[b, 0], buckets[b, 1])).ToList();
        return new EntityEvaluation(set, gold.Count, gold.Sum(g => g.Entities.Count),
            counts.ToDictionary(kv => kv.Key, kv => new CategoryScore(kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3])), calibration, errors);
    }

    /// <summary>
    /// Polarity accuracy: the positive score above the negative one for class 1, the other way round for class 0.
    /// Strict accuracy also counts a neutral or mixed label as wrong. Unlabelled entries are skipped.
    /// </summary>
    public static SentimentEvaluation EvaluateSentiment(string name, string path, Func<AnalysisDocument, DocumentAnalysis> analyze)
    {
        var items = JsonSerializer.Deserialize<List<Labelled>>(File.ReadAllText(path), Json)!.Where(i => i.Class is not null).ToList();
        int polarity = 0, strict = 0;
        foreach (var item in items)
        {
            var sentiment = analyze(new AnalysisDocument("s", item.Text, "en")).Sentiment;
            bool positive = sentiment.Scores.Positive > sentiment.Scores.Negative, negative = sentiment.Scores.Negative > sentiment.Scores.Positive;
            if (item.Class == 1 ? positive : negative) polarity++;
            if (item.Class == 1 ? sentiment.Label == SentimentLabel.Positive : sentiment.Label == SentimentLabel.Negative) strict++;
        }
        return new SentimentEvaluation(name, items.Count, items.Count == 0 ? 0 : (double)polarity / items.Count, items.Count == 0 ? 0 : (double)strict / items.Count);
    }

    private sealed record LabelledSentence(string Id, string Text, string Label);

    /// <summary>
    /// Three-label accuracy on labelled sentences in JSON lines (<c>{"id", "text", "label": positive|neutral|negative}</c>),
    /// each analysed as a document of its own in <paramref name="language"/>.
    /// </summary>
    public static SentimentEvaluation EvaluateLabelledSentences(string name, string path, Func<AnalysisDocument, DocumentAnalysis> analyze, string language,
        List<string>? errors = null)
    {
        var items = File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<LabelledSentence>(l, Json)!).ToList();
        int right = 0;
        foreach (var item in items)
        {
            var label = analyze(new AnalysisDocument(item.Id, item.Text, language)).Sentiment.Label;
            if (string.Equals(label.ToString(), item.Label, StringComparison.OrdinalIgnoreCase)) right++;
            else errors?.Add($"{item.Id} {item.Label} -> {label.ToString().ToLowerInvariant()}: {item.Text}");
        }
        double accuracy = items.Count == 0 ? 0 : (double)right / items.Count;
        return new SentimentEvaluation(name, items.Count, accuracy, accuracy);
    }

    /// <summary>One row of the per-language table: a language's gold set scored for entities and, when it has one, sentiment.</summary>
    public sealed record LanguageRow(string Language, string Set, EntityEvaluation? Entities, SentimentEvaluation? Sentiment);

    public static string FormatLanguages(IEnumerable<LanguageRow> rows)
    {
        var report = new StringBuilder();
        report.AppendLine("| language | set | paragraphs | Person F1 | Location F1 | Organization F1 | sentences | sentiment accuracy (3 labels) |");
        report.AppendLine("|---|---|---|---|---|---|---|---|");
        string F1(EntityEvaluation? e, string category) => e is null ? "-" : e.Scores[category].F1(true).ToString("F3", CultureInfo.InvariantCulture);
        foreach (var r in rows)
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Language} | {r.Set} | {r.Entities?.Paragraphs.ToString(CultureInfo.InvariantCulture) ?? "-"} | {F1(r.Entities, EntityCategories.Person)} | {F1(r.Entities, EntityCategories.Location)} | {F1(r.Entities, EntityCategories.Organization)} | {r.Sentiment?.Sentences.ToString(CultureInfo.InvariantCulture) ?? "-"} | {r.Sentiment?.PolarityAccuracy.ToString("F3", CultureInfo.InvariantCulture) ?? "-"} |"));
        return report.ToString();
    }

    public static string FormatEntities(EntityEvaluation evaluation, bool withErrors)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Entities on {evaluation.Set}: {evaluation.Paragraphs} paragraphs, {evaluation.Spans} spans");
        report.AppendLine("| category | gold | predicted | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (category, s) in evaluation.Scores)
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {category} | {s.Gold} | {s.Predicted} | {s.Precision(true):F3} | {s.Recall(true):F3} | {s.F1(true):F3} | {s.Precision(false):F3} | {s.Recall(false):F3} | {s.F1(false):F3} |"));
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Calibration on {evaluation.Set} (exact span and category right): precision {(evaluation.CalibrationIsMonotone ? "rises" : "does NOT rise")} with confidence over buckets of {MinimumBucketSize}+ predictions");
        report.AppendLine("| confidence | predicted | right | precision |");
        report.AppendLine("|---|---|---|---|");
        foreach (var b in evaluation.Calibration)
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {b.Low:F2}-{b.High:F2} | {b.Predicted} | {b.Correct} | {(b.Predicted == 0 ? "-" : b.Precision.ToString("F3", CultureInfo.InvariantCulture))} |"));
        if (withErrors)
        {
            report.AppendLine();
            report.AppendLine("Misses and false positives (exact span):");
            foreach (var e in evaluation.Errors) report.AppendLine("  " + e);
        }
        return report.ToString();
    }

    public static string FormatSentiment(IEnumerable<SentimentEvaluation> evaluations)
    {
        var report = new StringBuilder();
        report.AppendLine("| data set | sentences | polarity accuracy | strict accuracy (neutral counts as wrong) |");
        report.AppendLine("|---|---|---|---|");
        foreach (var e in evaluations)
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {e.Name} | {e.Sentences} | {e.PolarityAccuracy:F3} | {e.StrictAccuracy:F3} |"));
        return report.ToString();
    }
}

/// <summary>
/// Derives entity confidences from per-rule precision on development gold sets: for each rule and category, how many
/// of its matches are right (exact span and category), smoothed towards a prior so that rare rules do not claim 0 or 1.
/// Rules the development sets never exercise get <see cref="UnseenRule"/> at most: an untested rule has earned no trust.
/// </summary>
public static class EntityCalibration
{
    /// <summary>Rules with fewer matches than this keep their hand-set prior.</summary>
    public const int MinimumMatches = 1;

    private const double Prior = 0.7, PriorWeight = 3;

    public const double UnseenRule = 0.6;

    public static IReadOnlyList<(string Key, double Precision, int Right, int Found)> Measure(
        IEnumerable<GoldParagraph> gold, Func<AnalysisDocument, (DocumentAnalysis Analysis, List<string> CalibrationKeys)> analyze)
    {
        var counts = new Dictionary<string, (int Right, int Found)>(StringComparer.Ordinal);
        foreach (var paragraph in gold)
        {
            var (analysis, keys) = analyze(new AnalysisDocument(paragraph.Id, paragraph.Text, "en"));
            for (int i = 0; i < analysis.Entities.Count; i++)
            {
                var p = analysis.Entities[i];
                // Only categories the gold sets annotate can be judged.
                if (!AnalyzerEvaluation.Categories.Contains(p.Category)) continue;
                bool right = paragraph.Entities.Any(e => p.Offset == e.Start && p.Length == e.Length && p.Category == e.Category);
                var (r, f) = counts.GetValueOrDefault(keys[i]);
                counts[keys[i]] = (r + (right ? 1 : 0), f + 1);
            }
        }
        return counts.Where(kv => kv.Value.Found >= MinimumMatches)
            .Select(kv => (kv.Key, Math.Min(0.99, (kv.Value.Right + Prior * PriorWeight) / (kv.Value.Found + PriorWeight)), kv.Value.Right, kv.Value.Found))
            .OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
    }

    public static string ToTsv(IEnumerable<(string Key, double Precision, int Right, int Found)> table) =>
        "# Generated by: pipeline eval --write-calibration (rule|category<TAB>smoothed precision<TAB>right<TAB>found on the development sets)\n"
        + string.Concat(table.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key}\t{t.Precision:F3}\t{t.Right}\t{t.Found}\n")));
}
