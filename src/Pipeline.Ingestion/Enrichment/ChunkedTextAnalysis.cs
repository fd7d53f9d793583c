using Pipeline.Analysis;

namespace Pipeline.Ingestion.Enrichment;

/// <summary>The analysis of a whole article: chunk results stitched together, with offsets on the article's text.</summary>
public sealed record ArticleAnalysis(
    DetectedLanguage Language,
    SentimentResult Sentiment,
    IReadOnlyList<SentenceSentiment> Sentences,
    IReadOnlyList<EntityMention> Entities,
    IReadOnlyList<string> KeyPhrases,
    int Chunks,
    int TextRecords);

/// <summary>
/// Chunks an article under the analyzer's per-document limit, analyses the chunks as one batch,
/// remaps every offset onto the whole article and merges sentence sentiments into one document sentiment.
/// </summary>
public sealed class ChunkedTextAnalysis(ITextAnalyzer analyzer)
{
    private const int MaxKeyPhrases = 20;

    public AnalyzerInfo Info => analyzer.Info;

    public async Task<ArticleAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken)
    {
        var chunks = TextChunker.Split(text, AnalysisLimits.MaxDocumentTextElements);
        var documents = chunks.Select((chunk, index) => new AnalysisDocument(index.ToString(System.Globalization.CultureInfo.InvariantCulture), chunk.Text, language)).ToList();
        var results = await analyzer.AnalyzeAsync(documents, cancellationToken).ConfigureAwait(false);
        if (results.Count != chunks.Count)
            throw new InvalidOperationException($"The analyzer returned {results.Count} results for {chunks.Count} documents.");

        var sentences = new List<SentenceSentiment>();
        var entities = new List<EntityMention>();
        for (int i = 0; i < chunks.Count; i++)
        {
            int shift = chunks[i].Offset;
            sentences.AddRange(results[i].Sentences.Select(s => s with { Offset = s.Offset + shift }));
            entities.AddRange(results[i].Entities.Select(e => e with { Offset = e.Offset + shift }));
        }

        return new ArticleAnalysis(
            Language: ChooseLanguage(results, chunks),
            Sentiment: chunks.Count == 1 ? results[0].Sentiment : SentimentMerger.Merge(sentences),
            Sentences: sentences,
            Entities: entities,
            KeyPhrases: MergeKeyPhrases(results),
            Chunks: chunks.Count,
            TextRecords: results.Sum(r => r.TextRecords));
    }

    /// <summary>The language detected on most of the text (chunk lengths as votes).</summary>
    private static DetectedLanguage ChooseLanguage(IReadOnlyList<DocumentAnalysis> results, IReadOnlyList<TextChunk> chunks) =>
        results.Select((r, i) => (r.Language, Weight: chunks[i].Text.Length))
            .GroupBy(x => x.Language.Iso6391Name)
            .OrderByDescending(g => g.Sum(x => x.Weight))
            .First()
            .MaxBy(x => x.Language.ConfidenceScore).Language;

    /// <summary>Interleaves the chunks' ranked lists so every part of a long article contributes its best phrases.</summary>
    private static List<string> MergeKeyPhrases(IReadOnlyList<DocumentAnalysis> results)
    {
        var merged = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int rank = 0; merged.Count < MaxKeyPhrases && results.Any(r => rank < r.KeyPhrases.Count); rank++)
        {
            foreach (var result in results)
            {
                if (rank < result.KeyPhrases.Count && seen.Add(result.KeyPhrases[rank]) && merged.Count < MaxKeyPhrases)
                    merged.Add(result.KeyPhrases[rank]);
            }
        }
        return merged;
    }
}
