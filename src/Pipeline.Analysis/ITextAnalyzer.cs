namespace Pipeline.Analysis;

/// <summary>
/// The analyzer seam: entities, sentiment, key phrases and language for a batch of documents.
/// Every document handed in is at most <see cref="AnalysisLimits.MaxDocumentTextElements"/> text elements long,
/// because the article is chunked before it reaches an analyzer (see <c>Enrichment.ChunkedTextAnalysis</c>).
/// Offsets in the results are UTF-16 code units into the document's own text.
/// </summary>
public interface ITextAnalyzer
{
    /// <summary>Name and version written into every enriched document and into the enrichment cache key.</summary>
    AnalyzerInfo Info { get; }

    /// <summary>Results in the same order as <paramref name="documents"/>.</summary>
    /// <exception cref="AnalysisRejectedException">The input can never be analysed (the article is quarantined).</exception>
    Task<IReadOnlyList<DocumentAnalysis>> AnalyzeAsync(IReadOnlyList<AnalysisDocument> documents, CancellationToken cancellationToken);
}

/// <param name="Name">Written into every enriched document and the cache key.</param>
/// <param name="Version">Likewise.</param>
/// <param name="ComputesLocally">
/// The analysis is this process's own computation, so its time counts against the article's compute budget; false for a
/// remote service, whose waits (rate, retries) are bounded by its own client.
/// </param>
public sealed record AnalyzerInfo(string Name, string Version, bool ComputesLocally = true);

public sealed record AnalysisDocument(string Id, string Text, string? Language);

public sealed record DocumentAnalysis(
    string Id,
    DetectedLanguage Language,
    SentimentResult Sentiment,
    IReadOnlyList<SentenceSentiment> Sentences,
    IReadOnlyList<EntityMention> Entities,
    IReadOnlyList<string> KeyPhrases,
    int TextRecords = 0);

public sealed record SentimentResult(SentimentLabel Label, SentimentScores Scores);

public sealed record SentenceSentiment(string Text, int Offset, int Length, SentimentLabel Sentiment, SentimentScores ConfidenceScores);

public static class AnalysisLimits
{
    /// <summary>Azure AI Language's synchronous per-document limit, counted in text elements (grapheme clusters).</summary>
    public const int MaxDocumentTextElements = 5120;
}

/// <summary>Input the analyzer can never handle; the article goes to quarantine with this reason.</summary>
public sealed class AnalysisRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
