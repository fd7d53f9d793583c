namespace Pipeline.Contracts;

/// <summary>
/// What one revision of an article adds to the summary. Stored once per (article, content hash) in the records table,
/// so the summary can take a revision's contribution out again when a newer revision replaces it.
/// </summary>
public sealed record ArticleContribution
{
    /// <summary>Entities kept per article: enough for every top list, small enough for one table property.</summary>
    internal const int MaxEntities = 60;

    private static readonly HashSet<string> SummarisedCategories =
        ["Person", "PersonType", "Location", "Organization", "Event", "Product", "Skill"];

    public required string ArticleId { get; init; }
    public required string ContentHash { get; init; }
    public required string Title { get; init; }
    public required string SourceName { get; init; }
    public required DateTimeOffset SourceLastModified { get; init; }

    /// <summary>The source blob version this revision was read from (empty for records made outside the pipeline).</summary>
    public string SourceETag { get; init; } = "";
    public DateTimeOffset? PublishedAt { get; init; }
    public required DateTimeOffset IngestedAt { get; init; }
    public required string Language { get; init; }
    public required SentimentLabel Sentiment { get; init; }

    /// <summary>positive − negative confidence, in [−1, 1]: one number to average over entities and hours.</summary>
    public required double SentimentScore { get; init; }

    public required IReadOnlyList<EntityCount> Entities { get; init; }

    public static ArticleContribution From(EnrichedArticle article) => new()
    {
        ArticleId = article.ArticleId,
        ContentHash = article.ContentHash,
        Title = article.Title,
        SourceName = article.Source.Name,
        SourceLastModified = article.Source.LastModified,
        SourceETag = article.Source.ETag,
        PublishedAt = article.PublishedAt,
        IngestedAt = article.IngestedAt,
        Language = article.Language.Iso6391Name,
        Sentiment = article.Sentiment.Label,
        SentimentScore = Math.Round(article.Sentiment.ConfidenceScores.Positive - article.Sentiment.ConfidenceScores.Negative, 4),
        Entities = article.Entities
            .Where(e => SummarisedCategories.Contains(e.Category))
            .GroupBy(e => EntityKey(e.Category, e.Text))
            .Select(g => new EntityCount(g.First().Category, g.First().Text, g.Count()))
            .OrderByDescending(e => e.Mentions).ThenBy(e => e.Text, StringComparer.Ordinal)
            .Take(MaxEntities)
            .ToList(),
    };

    /// <summary>Mentions are one entity when category and case-folded text agree ("NATO" and "Nato").</summary>
    public static string EntityKey(string category, string text) => $"{category}|{text.ToLowerInvariant()}";
}

public sealed record EntityCount(string Category, string Text, int Mentions);
