
namespace Pipeline.Summary;

/// <summary>
/// The summary's running totals, kept in <c>summaries/state.json</c> and written only with If-Match.
/// <see cref="LastBatch"/> names the revisions the latest write applied: a folder that died before marking them
/// applied in the records table is finished by the next one, which is what makes the fold exactly-once.
/// </summary>
public sealed class SummaryState
{
    public int SchemaVersion { get; set; } = 1;
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int ArticleCount { get; set; }

    /// <summary>Articles counted once and taken out again because their blob was deleted (and not uploaded again).</summary>
    public int RetractedCount { get; set; }
    public double SentimentScoreSum { get; set; }
    public SentimentTally Sentiment { get; set; } = new();
    public Dictionary<string, EntityAggregate> Entities { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, ArticleTally> Hours { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counted articles per ISO 639-1 language code.</summary>
    public Dictionary<string, ArticleTally> Languages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counted articles per publisher (<see cref="SummaryAggregator.PublisherOf"/>), at most <see cref="SummaryOptions.MaxTrackedPublishers"/>.</summary>
    public Dictionary<string, ArticleTally> Publishers { get; set; } = new(StringComparer.Ordinal);
    public List<LatestArticle> Latest { get; set; } = [];
    public List<AppliedRevision> LastBatch { get; set; } = [];
}

public sealed class SentimentTally
{
    public int Positive { get; set; }
    public int Neutral { get; set; }
    public int Negative { get; set; }
    public int Mixed { get; set; }

    internal void Add(SentimentLabel label, int sign)
    {
        switch (label)
        {
            case SentimentLabel.Positive: Positive += sign; break;
            case SentimentLabel.Negative: Negative += sign; break;
            case SentimentLabel.Mixed: Mixed += sign; break;
            default: Neutral += sign; break;
        }
    }
}

public sealed class EntityAggregate
{
    public string Category { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>The canonical id the entity is keyed by; null for an entity keyed by text (contributions recorded before linking).</summary>
    public string? Id { get; set; }

    /// <summary>Counted articles per surface form (case-sensitive; the contribution already folded case within an article).</summary>
    public Dictionary<string, int> Aliases { get; set; } = new(StringComparer.Ordinal);
    public int Mentions { get; set; }
    public int Articles { get; set; }
    public double SentimentSum { get; set; }

    /// <summary>Per hour of ingestion (<c>yyyy-MM-ddTHH</c>), only for the trend window: older hours are trimmed at every fold.</summary>
    public Dictionary<string, EntityHour> Hours { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The most recently ingested counted articles that mention it, newest first, at most <see cref="SummaryOptions.MaxRecentArticlesPerEntity"/>.</summary>
    public List<EntityArticle> Recent { get; set; } = [];

    /// <summary>
    /// Articles shared with other entities (by summary key), at most <see cref="SummaryOptions.MaxRelatedPerEntity"/> partners:
    /// lower bounds, exact while the entity has had no more partners than that (see docs/entity-linking.md).
    /// </summary>
    public Dictionary<string, int> Related { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One entity's share of one hour.</summary>
public sealed class EntityHour
{
    public int Mentions { get; set; }
    public int Articles { get; set; }
    public double SentimentSum { get; set; }
}

/// <summary>A counted article that mentions an entity, as the drill-down lists it.</summary>
public sealed record EntityArticle(string ArticleId, string Title, DateTimeOffset IngestedAt);

/// <summary>Articles, their sentiment labels and score sum: per hour, per language, per publisher.</summary>
public sealed class ArticleTally
{
    public int Articles { get; set; }
    public SentimentTally Sentiment { get; set; } = new();
    public double SentimentSum { get; set; }
}

public sealed record AppliedRevision(string ArticleId, string ContentHash);

