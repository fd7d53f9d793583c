using System.Text.Json.Serialization;

namespace Pipeline.Contracts;

/// <summary>
/// The enriched-article contract (schemaVersion 1), documented in docs/schemas/enriched-article.v1.schema.json.
/// It is the queue message when it fits, and is always kept as <c>enriched/{articleId}.json</c>.
/// </summary>
public sealed record EnrichedArticle
{
    /// <summary>The only schema version there is; a new version would be a new contract.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Always 1. A reader must refuse any other value rather than guess.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>
    /// The first 32 hex characters of SHA-256 over <c>articles/{name}</c> (<see cref="ArticleIdentity.ArticleId"/>):
    /// the same for every revision of one blob name.
    /// </summary>
    public required string ArticleId { get; init; }

    /// <summary>
    /// <c>sha256:</c> and the hex SHA-256 of <see cref="Text"/>'s UTF-8: identifies this revision. Delivery is at least once,
    /// so a consumer is idempotent on (<see cref="ArticleId"/>, <see cref="ContentHash"/>).
    /// </summary>
    public required string ContentHash { get; init; }

    /// <summary>The blob this revision was read from, and what the file said of itself.</summary>
    public required ArticleSource Source { get; init; }

    /// <summary>The display title, at most 300 characters: the file's title, or else its first line; a longer one is cut and ends in an ellipsis.</summary>
    [JsonConverter(typeof(SegmentedStringConverter))]
    public required string Title { get; init; }

    /// <summary>The text's language: detected, or as the file declared it (then with confidence 1).</summary>
    public required DetectedLanguage Language { get; init; }

    /// <summary>When the article was published, as the file said; null (left out of the JSON) when it did not say.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>When the pipeline enriched this revision.</summary>
    public required DateTimeOffset IngestedAt { get; init; }

    /// <summary>
    /// The analysed text: the title, a blank line and the body (the title is not repeated when the body starts with it),
    /// normalised to NFC with <c>\n</c> line breaks. Every offset in the document indexes it in UTF-16 code units.
    /// </summary>
    [JsonConverter(typeof(SegmentedStringConverter))]
    public required string Text { get; init; }

    /// <summary>Counts over <see cref="Text"/>; they count everything, also where the lists below are capped.</summary>
    public required TextStatistics Statistics { get; init; }

    /// <summary>The article's sentiment and its sentences' sentiments.</summary>
    public required ArticleSentiment Sentiment { get; init; }

    /// <summary>Entity mentions in document order, at most <c>Pipeline:Enrichment:MaxEntities</c> of them (<see cref="TextStatistics.EntityMentions"/> counts all).</summary>
    public required IReadOnlyList<EntityMention> Entities { get; init; }

    /// <summary>Key phrases, most relevant first, at most 20.</summary>
    public required IReadOnlyList<string> KeyPhrases { get; init; }

    /// <summary>The analyzer that produced the analysis.</summary>
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
    /// <summary>The container the article arrived in (<c>articles</c>).</summary>
    public required string Container { get; init; }

    /// <summary>The blob name, exactly as stored.</summary>
    public required string Name { get; init; }

    /// <summary>The ETag of the blob version this revision was read from.</summary>
    public required string ETag { get; init; }

    /// <summary>The last-modified time of that blob version.</summary>
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>The format the file was read as: <c>txt</c>, <c>text</c>, <c>md</c>, <c>markdown</c>, <c>html</c>, <c>htm</c> or <c>json</c> (from its extension, else its Content-Type).</summary>
    public required string Format { get; init; }

    /// <summary>The article's URL as the file gave it (HTML canonical link or <c>og:url</c>, Markdown front matter, JSON <c>url</c>); null when it gave none.</summary>
    public string? Url { get; init; }

    /// <summary>The publisher or source the file named (JSON <c>source</c>, for instance); null when it named none.</summary>
    public string? Publisher { get; init; }

    /// <summary>The file's own id for the article (JSON <c>id</c>, for instance), kept for matching with the newsroom's systems; null when it had none.</summary>
    public string? ExternalId { get; init; }
}

/// <summary>Counts over <see cref="EnrichedArticle.Text"/>: characters are UTF-16 code units, text elements are grapheme clusters.</summary>
/// <param name="Characters">Length of the text in UTF-16 code units.</param>
/// <param name="TextElements">Length of the text in grapheme clusters, the unit of the Language service's document limit and billing.</param>
/// <param name="Words">Runs of letters and digits (an apostrophe or hyphen inside a word does not split it).</param>
/// <param name="Sentences">All sentences; <see cref="ArticleSentiment.Sentences"/> keeps at most <c>Pipeline:Enrichment:MaxSentences</c> of them.</param>
/// <param name="Paragraphs">Non-empty blocks separated by a blank line.</param>
/// <param name="Chunks">Pieces the text was split into for analysis, at sentence boundaries under the service's per-document limit.</param>
/// <param name="EntityMentions">All entity mentions found; <see cref="EnrichedArticle.Entities"/> keeps at most <c>Pipeline:Enrichment:MaxEntities</c> of them.</param>
public sealed record TextStatistics(int Characters, int TextElements, int Words, int Sentences, int Paragraphs, int Chunks, int EntityMentions);

/// <summary>The article's sentiment: the length-weighted mean of its sentences' scores.</summary>
/// <param name="Label">The article's label; <see cref="SentimentLabel.Mixed"/> only when positive and negative sentences each carry at least a fifth of the text.</param>
/// <param name="ConfidenceScores">The article's scores, summing to 1.</param>
/// <param name="Sentences">Sentence sentiments in document order, at most <c>Pipeline:Enrichment:MaxSentences</c> of them.</param>
public sealed record ArticleSentiment(SentimentLabel Label, SentimentScores ConfidenceScores, IReadOnlyList<SentenceSpan> Sentences);

/// <summary>A sentence's sentiment; its text is <c>Text.Substring(Offset, Length)</c> of the article (kept out to keep messages small).</summary>
/// <param name="Offset">Start of the sentence in <see cref="EnrichedArticle.Text"/>, in UTF-16 code units.</param>
/// <param name="Length">Length of the sentence in UTF-16 code units.</param>
/// <param name="Sentiment">The sentence's label.</param>
/// <param name="ConfidenceScores">The sentence's scores, summing to 1.</param>
public sealed record SentenceSpan(int Offset, int Length, SentimentLabel Sentiment, SentimentScores ConfidenceScores);

/// <summary>Which analyzer produced the analysis, and how many billable text records it took (0 offline, or when served from the cache).</summary>
/// <param name="Name">The analyzer: <c>azure-language</c>, or <c>offline</c> / <c>offline-accurate</c> for the built-in one.</param>
/// <param name="Version">The analyzer's version; for Azure AI Language, <c>{ApiVersion}/{ModelVersion}</c> as configured.</param>
/// <param name="TextRecords">Billable Azure AI Language text records (one per 1,000 text elements of a document, per feature).</param>
public sealed record AnalyzerStamp(string Name, string Version, int TextRecords);
