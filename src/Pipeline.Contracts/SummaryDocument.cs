namespace Pipeline.Contracts;

/// <summary>
/// What dashboards read: <c>summaries/latest.json</c>, schemaVersion 1, documented in docs/schemas/summary.v1.schema.json.
/// Rendered from the summary state after every fold.
/// </summary>
public sealed record SummaryDocument
{
    /// <summary>The only schema version there is; a new version would be a new contract.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Always 1. A reader must refuse any other value rather than guess.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>When this document was rendered.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Grows with every fold: of two copies, the one with the larger number is the newer summary.</summary>
    public required long StateVersion { get; init; }

    /// <summary>Articles counted, each once, at its latest revision.</summary>
    public required int ArticleCount { get; init; }

    /// <summary>
    /// Articles that were counted and then taken out because their blob was deleted, and not uploaded again since.
    /// Added within schemaVersion 1 (additive): a document written before retractions existed has none, and reads as 0.
    /// </summary>
    public int RetractedCount { get; init; }

    /// <summary>Counted articles per sentiment label.</summary>
    public required SentimentDistribution Sentiment { get; init; }

    /// <summary>Mean over counted articles of positive − negative confidence, in [−1, 1]; 0 when there are none.</summary>
    public required double AverageSentiment { get; init; }

    /// <summary>
    /// Per entity category (Person, Location, Organization, ...), the entities found in most articles, most first, at most
    /// <c>Pipeline:Summary:TopEntitiesPerCategory</c> each.
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<EntitySummary>> TopEntities { get; init; }

    /// <summary>The most recently ingested articles, newest first, at most <c>Pipeline:Summary:LatestArticles</c>.</summary>
    public required IReadOnlyList<LatestArticle> LatestArticles { get; init; }

    /// <summary>
    /// One bucket per hour of ingestion time for the last <c>Pipeline:Summary:HourlyBuckets</c> hours, oldest first, ending with
    /// the current hour; hours without articles are there with zeros.
    /// </summary>
    public required IReadOnlyList<HourlyBucket> Hourly { get; init; }

    /// <summary>
    /// Entities whose last-hour or last-6-hours article rate is well above their 48-hour baseline, highest ratio first,
    /// at most <c>Pipeline:Summary:TrendingEntities</c> (the rule: docs/entity-linking.md#trends). Added within schemaVersion 1 (additive).
    /// </summary>
    public IReadOnlyList<TrendingEntity>? Trending { get; init; }

    /// <summary>Counted articles per ISO 639-1 language code (<c>und</c>: none detected). Added within schemaVersion 1 (additive).</summary>
    public IReadOnlyDictionary<string, GroupSummary>? Languages { get; init; }

    /// <summary>
    /// Counted articles per publisher: the one the file named, else the first folder of the blob name, else <c>(none)</c>.
    /// Added within schemaVersion 1 (additive).
    /// </summary>
    public IReadOnlyDictionary<string, GroupSummary>? Publishers { get; init; }
}

/// <summary>Articles of one group (a language, a publisher) with their sentiment.</summary>
/// <param name="Articles">Counted articles in the group.</param>
/// <param name="Sentiment">Those articles per sentiment label.</param>
/// <param name="AverageSentiment">Their mean sentiment score (positive − negative), in [−1, 1].</param>
public sealed record GroupSummary(int Articles, SentimentDistribution Sentiment, double AverageSentiment);

/// <summary>An entity whose recent article rate is well above its baseline.</summary>
/// <param name="Category">The entity's category.</param>
/// <param name="Text">Its display name.</param>
/// <param name="Window"><c>1h</c> (the current hour) or <c>6h</c> (the current hour and the 5 before): the window with the higher ratio.</param>
/// <param name="RecentArticles">Counted articles mentioning it in that window.</param>
/// <param name="RecentMentions">Their mentions of it.</param>
/// <param name="BaselinePerHour">Articles per hour mentioning it in the rest of the 48 hours before the current one.</param>
/// <param name="Score">The window's articles per hour divided by the baseline (taken as at least one article a day).</param>
public sealed record TrendingEntity(string Category, string Text, string Window, int RecentArticles, int RecentMentions, double BaselinePerHour, double Score)
{
    /// <summary>The canonical id; null for an entity counted by text.</summary>
    public string? Id { get; init; }
}

/// <summary>Article counts per sentiment label.</summary>
/// <param name="Positive">Articles labelled positive.</param>
/// <param name="Neutral">Articles labelled neutral.</param>
/// <param name="Negative">Articles labelled negative.</param>
/// <param name="Mixed">Articles labelled mixed.</param>
public sealed record SentimentDistribution(int Positive, int Neutral, int Negative, int Mixed);

/// <summary>
/// One entity across the counted articles: mentions with one canonical id are one entity ("US", "United States"); a
/// mention without one (recorded before entities were linked) is one entity with those differing from it only in case.
/// </summary>
/// <param name="Text">The canonical entity's display name; for an entity without an id, its text as first seen.</param>
/// <param name="Mentions">Its mentions across the articles that mention it.</param>
/// <param name="Articles">How many counted articles mention it.</param>
/// <param name="AverageSentiment">Mean sentiment score (positive − negative) of those articles, in [−1, 1].</param>
public sealed record EntitySummary(string Text, int Mentions, int Articles, double AverageSentiment)
{
    /// <summary>The canonical id (<see cref="CanonicalEntity.Id"/>); null for an entity counted by text. Added within schemaVersion 1 (additive).</summary>
    public string? Id { get; init; }

    /// <summary>
    /// The surface forms the counted articles used for it, in most articles first, at most
    /// <c>Pipeline:Summary:MaxAliasesPerEntity</c>; null for an entity counted by text. Added within schemaVersion 1 (additive).
    /// </summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>
    /// Its mentions per hour of ingestion time, aligned with <see cref="SummaryDocument.Hourly"/> (oldest first).
    /// Added within schemaVersion 1 (additive).
    /// </summary>
    public IReadOnlyList<int>? HourlyMentions { get; init; }
}

/// <summary>The articles ingested in one hour.</summary>
/// <param name="Hour">The start of the hour, in UTC.</param>
/// <param name="Articles">Counted articles whose latest revision was ingested in this hour.</param>
/// <param name="Sentiment">Those articles per sentiment label.</param>
/// <param name="AverageSentiment">Their mean sentiment score (positive − negative), in [−1, 1]; 0 when there are none.</param>
public sealed record HourlyBucket(DateTimeOffset Hour, int Articles, SentimentDistribution Sentiment, double AverageSentiment);

/// <summary>One recently ingested article, at its latest revision.</summary>
/// <param name="ArticleId">The article's id (<see cref="EnrichedArticle.ArticleId"/>); its enriched document is <c>enriched/{articleId}.json</c>.</param>
/// <param name="Title">The article's display title.</param>
/// <param name="SourceName">The source blob's name in the <c>articles</c> container.</param>
/// <param name="PublishedAt">When the article was published, as the file said; null when it did not say.</param>
/// <param name="IngestedAt">When the pipeline enriched this revision.</param>
/// <param name="Language">The ISO 639-1 code of the article's language.</param>
/// <param name="Sentiment">The article's sentiment label.</param>
/// <param name="SentimentScore">Positive − negative confidence, in [−1, 1].</param>
/// <param name="Entities">The texts of its most mentioned entities, most first, at most eight.</param>
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
