
namespace Pipeline.Contracts;

/// <summary>
/// The enriched-article contract (schemaVersion 1), documented in docs/schemas/enriched-article.v1.schema.json.
/// It is the queue message when it fits, and is always kept as <c>enriched/{articleId}.json</c>.
/// </summary>
public sealed record EnrichedArticle
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string ArticleId { get; init; }
    public required string ContentHash { get; init; }
    public required ArticleSource Source { get; init; }
    public required string Title { get; init; }
    public required DetectedLanguage Language { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public required DateTimeOffset IngestedAt { get; init; }
    public required string Text { get; init; }
    public required TextStatistics Statistics { get; init; }
    public required ArticleSentiment Sentiment { get; init; }
    public required IReadOnlyList<EntityMention> Entities { get; init; }
    public required IReadOnlyList<string> KeyPhrases { get; init; }
    public required AnalyzerStamp Analyzer { get; init; }

    /// <summary>
    /// W3C traceparent of the IngestArticle activity (absent when nobody traces), so the summarize stage joins the same
    /// trace: one trace per article from blob to summary. Optional, so schemaVersion stays 1.
    /// </summary>
    public string? TraceParent { get; init; }
}

/// <summary>Where the article came from: the blob (its ETag and last-modified time order revisions) and what the file said of itself.</summary>
public sealed record ArticleSource
{
    public required string Container { get; init; }
    public required string Name { get; init; }
    public required string ETag { get; init; }
    public required DateTimeOffset LastModified { get; init; }
    public required string Format { get; init; }
    public string? Url { get; init; }
    public string? Publisher { get; init; }
    public string? ExternalId { get; init; }
}

/// <summary>Counts over <see cref="EnrichedArticle.Text"/>: characters are UTF-16 code units, text elements are grapheme clusters.</summary>
public sealed record TextStatistics(int Characters, int TextElements, int Words, int Sentences, int Paragraphs, int Chunks, int EntityMentions);

public sealed record ArticleSentiment(SentimentLabel Label, SentimentScores ConfidenceScores, IReadOnlyList<SentenceSpan> Sentences);

/// <summary>A sentence's sentiment; its text is <c>Text.Substring(Offset, Length)</c> of the article (kept out to keep messages small).</summary>
public sealed record SentenceSpan(int Offset, int Length, SentimentLabel Sentiment, SentimentScores ConfidenceScores);

/// <summary>Which analyzer produced the analysis, and how many billable text records it took (0 offline, or when served from the cache).</summary>
public sealed record AnalyzerStamp(string Name, string Version, int TextRecords);
