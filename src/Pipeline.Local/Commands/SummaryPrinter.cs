using System.Globalization;
using Pipeline.Local.Hosting;

namespace Pipeline.Local.Commands;

internal static class SummaryPrinter
{
    private static readonly string[] MainCategories = [EntityCategories.Person, EntityCategories.Location, EntityCategories.Organization];

    /// <summary>The end of <c>run --once</c>: what happened to each file, then the summary in brief.</summary>
    public static void Print(SummaryDocument? summary, IReadOnlyList<TrackedArticle> results)
    {
        Console.WriteLine();
        Console.WriteLine($"Files: {results.Count}  summarised: {Count(results, ArticleState.Summarised)}  quarantined: {Count(results, ArticleState.Quarantined)}  " +
                          $"poisoned: {Count(results, ArticleState.Poisoned)}  unaccounted: {Count(results, ArticleState.InFlight)}");
        foreach (var quarantined in results.Where(r => r.State == ArticleState.Quarantined))
            Console.WriteLine($"  quarantined {quarantined.Article.Name}: {quarantined.Detail}");
        if (summary is null)
            return;

        PrintTotals(Console.Out, summary);
        foreach (string category in MainCategories)
        {
            if (!summary.TopEntities.TryGetValue(category, out var entities) || entities.Count == 0) continue;
            Console.WriteLine($"Top {category}: " + string.Join(", ", entities.Take(6).Select(e => $"{e.Text} ({e.Articles} articles, {e.Mentions} mentions)")));
        }
    }

    /// <summary>The <c>summary</c> command: totals, then every category's top entities and the latest articles as tables.</summary>
    public static void PrintTables(TextWriter output, SummaryDocument summary)
    {
        PrintTotals(output, summary);
        output.WriteLine($"Generated {summary.GeneratedAt:u} (state version {summary.StateVersion})");
        foreach (var (category, entities) in summary.TopEntities.Where(c => c.Value.Count > 0).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine();
            Table(output, $"Top {category}", ["Entity", "Articles", "Mentions", "Avg sentiment"],
                entities.Select(e => new[] { e.Text, Number(e.Articles), Number(e.Mentions), Signed(e.AverageSentiment) }));
        }
        output.WriteLine();
        Table(output, "Latest articles", ["Title", "Source", "Ingested (UTC)", "Sentiment", "Entities"],
            summary.LatestArticles.Select(a => new[]
            {
                Clip(a.Title, 48), Clip(a.SourceName, 32), a.IngestedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                $"{a.Sentiment.ToString().ToLowerInvariant()} {Signed(a.SentimentScore)}", Clip(string.Join(", ", a.Entities), 48),
            }));
    }

    private static void PrintTotals(TextWriter output, SummaryDocument summary)
    {
        var s = summary.Sentiment;
        output.WriteLine($"Articles in the summary: {summary.ArticleCount}");
        output.WriteLine($"Sentiment: positive {s.Positive}, neutral {s.Neutral}, negative {s.Negative}, mixed {s.Mixed} (average {Signed(summary.AverageSentiment)})");
    }

    /// <summary>A plain aligned table: numbers right-aligned, everything else left; readable in any terminal and in a log.</summary>
    internal static void Table(TextWriter output, string title, string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        output.WriteLine(title);
        if (all.Count == 0)
        {
            output.WriteLine("  (none)");
            return;
        }
        int[] widths = headers.Select((h, i) => Math.Max(h.Length, all.Max(r => r[i].Length))).ToArray();
        bool[] numeric = headers.Select((_, i) => all.All(r => double.TryParse(r[i], NumberStyles.Any, CultureInfo.InvariantCulture, out double _))).ToArray();
        string Line(string[] cells) => "  " + string.Join("  ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(headers));
        output.WriteLine("  " + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in all)
            output.WriteLine(Line(row));
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
    private static int Count(IReadOnlyList<TrackedArticle> results, ArticleState state) => results.Count(r => r.State == state);
}
