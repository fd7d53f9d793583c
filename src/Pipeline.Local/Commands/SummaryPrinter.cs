using Pipeline.Core.Summary;

namespace Pipeline.Local.Commands;

internal static class SummaryPrinter
{
    private static readonly string[] MainCategories = ["Person", "Location", "Organization"];

    public static void Print(SummaryDocument? summary, IReadOnlyList<TrackedArticle> results)
    {
        Console.WriteLine();
        Console.WriteLine($"Files: {results.Count}  summarised: {Count(results, ArticleState.Summarised)}  quarantined: {Count(results, ArticleState.Quarantined)}  " +
                          $"poisoned: {Count(results, ArticleState.Poisoned)}  unaccounted: {Count(results, ArticleState.InFlight)}");
        foreach (var quarantined in results.Where(r => r.State == ArticleState.Quarantined))
            Console.WriteLine($"  quarantined {quarantined.Article.Name}: {quarantined.Detail}");
        if (summary is null)
            return;

        var s = summary.Sentiment;
        Console.WriteLine($"Articles in the summary: {summary.ArticleCount}");
        Console.WriteLine($"Sentiment: positive {s.Positive}, neutral {s.Neutral}, negative {s.Negative}, mixed {s.Mixed} (average {summary.AverageSentiment:+0.00;-0.00;0.00})");
        foreach (string category in MainCategories)
        {
            if (!summary.TopEntities.TryGetValue(category, out var entities) || entities.Count == 0) continue;
            Console.WriteLine($"Top {category}: " + string.Join(", ", entities.Take(6).Select(e => $"{e.Text} ({e.Articles} articles, {e.Mentions} mentions)")));
        }
    }

    private static int Count(IReadOnlyList<TrackedArticle> results, ArticleState state) => results.Count(r => r.State == state);
}
