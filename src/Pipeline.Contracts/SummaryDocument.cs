namespace Pipeline.Contracts;

/// <summary>
/// What dashboards read: <c>summaries/latest.json</c>, schemaVersion 1, documented in docs/schemas/summary.v1.schema.json.
/// Rendered from the summary state after every fold.
/// </summary>
public sealed record SummaryDocument
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required DateTimeOffset GeneratedAt { get; init; }
    public required long StateVersion { get; init; }
    public required int ArticleCount { get; init; }
    public required SentimentDistribution Sentiment { get; init; }
    public required double AverageSentiment { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<EntitySummary>> TopEntities { get; init; }
    public required IReadOnlyList<LatestArticle> LatestArticles { get; init; }
    public required IReadOnlyList<HourlyBucket> Hourly { get; init; }
}

public sealed record SentimentDistribution(int Positive, int Neutral, int Negative, int Mixed);

public sealed record EntitySummary(string Text, int Mentions, int Articles, double AverageSentiment);

public sealed record HourlyBucket(DateTimeOffset Hour, int Articles, SentimentDistribution Sentiment, double AverageSentiment);

public sealed record LatestArticle(
    string ArticleId,
    string Title,
    string SourceName,
    DateTimeOffset? PublishedAt,
    DateTimeOffset IngestedAt,
    string Language,
    SentimentLabel Sentiment,
    double SentimentScore,
    IReadOnlyList<string> Entities);
