
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
    public Dictionary<string, HourAggregate> Hours { get; set; } = new(StringComparer.Ordinal);
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
}

public sealed class HourAggregate
{
    public int Articles { get; set; }
    public SentimentTally Sentiment { get; set; } = new();
    public double SentimentSum { get; set; }
}

public sealed record AppliedRevision(string ArticleId, string ContentHash);

