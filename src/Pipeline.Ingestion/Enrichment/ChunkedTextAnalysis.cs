using Pipeline.Analysis;

namespace Pipeline.Ingestion.Enrichment;

/// <summary>
/// The analysis of a whole article: chunk results stitched together, with offsets on the article's text.
/// <see cref="Sentences"/> holds the first sentences only (as many as were asked for); <see cref="SentenceCount"/> counts them all.
/// </summary>
public sealed record ArticleAnalysis(
    DetectedLanguage Language,
    SentimentResult Sentiment,
    IReadOnlyList<SentenceSentiment> Sentences,
    int SentenceCount,
    IReadOnlyList<EntityMention> Entities,
    IReadOnlyList<string> KeyPhrases,
    int Chunks,
    int TextRecords);

/// <summary>
/// Chunks an article under the analyzer's per-document limit, analyses the chunks a group at a time, remaps every
/// offset onto the whole article and folds sentence sentiments into one document sentiment as the groups come back:
/// an article near the size limit holds millions of tiny sentences, and keeping each one's result would cost gigabytes.
/// </summary>
public sealed class ChunkedTextAnalysis(ITextAnalyzer analyzer)
{
    private const int MaxKeyPhrases = 20;

    /// <summary>Chunks handed to the analyzer at once: enough to fill the Language service's batches, few enough that their results stay small.</summary>
    private const int ChunksPerCall = 32;

    public AnalyzerInfo Info => analyzer.Info;

    public Task<ArticleAnalysis> AnalyzeAsync(string text, string? language, CancellationToken cancellationToken) =>
        AnalyzeAsync(text, language, int.MaxValue, cancellationToken);

    public async Task<ArticleAnalysis> AnalyzeAsync(string text, string? language, int keepSentences, CancellationToken cancellationToken)
    {
        var chunks = TextChunker.Split(text, AnalysisLimits.MaxDocumentTextElements);
        var sentences = new List<SentenceSentiment>();
        var totals = new SentimentTotals();
        var entities = new List<EntityMention>();
        var languages = new List<(DetectedLanguage Language, int Weight)>(chunks.Count);
        var keyPhrases = new List<IReadOnlyList<string>>(chunks.Count);
        SentimentResult? only = null;
        int textRecords = 0;
        for (int first = 0; first < chunks.Count; first += ChunksPerCall)
        {
            var group = chunks.Skip(first).Take(ChunksPerCall).ToList();
            var documents = group.Select((chunk, index) => new AnalysisDocument((first + index).ToString(System.Globalization.CultureInfo.InvariantCulture), chunk.Text, language)).ToList();
            var results = await analyzer.AnalyzeAsync(documents, cancellationToken).ConfigureAwait(false);
            if (results.Count != group.Count)
                throw new InvalidOperationException($"The analyzer returned {results.Count} results for {group.Count} documents.");

            for (int i = 0; i < group.Count; i++)
            {
                int shift = group[i].Offset;
                foreach (var sentence in results[i].Sentences)
                {
                    totals.Add(sentence);
                    if (sentences.Count < keepSentences) sentences.Add(sentence with { Offset = sentence.Offset + shift });
                }
                entities.AddRange(results[i].Entities.Select(e => e with { Offset = e.Offset + shift }));
                languages.Add((results[i].Language, group[i].Text.Length));
                keyPhrases.Add(results[i].KeyPhrases);
                textRecords += results[i].TextRecords;
            }
            if (chunks.Count == 1) only = results[0].Sentiment;
        }

        return new ArticleAnalysis(
            Language: ChooseLanguage(languages),
            Sentiment: only ?? totals.Result(),
            Sentences: sentences,
            SentenceCount: totals.Sentences,
            Entities: entities,
            KeyPhrases: MergeKeyPhrases(keyPhrases),
            Chunks: chunks.Count,
            TextRecords: textRecords);
    }

    /// <summary>The language detected on most of the text (chunk lengths as votes).</summary>
    private static DetectedLanguage ChooseLanguage(List<(DetectedLanguage Language, int Weight)> chunks) =>
        chunks.GroupBy(x => x.Language.Iso6391Name)
            .OrderByDescending(g => g.Sum(x => x.Weight))
            .First()
            .MaxBy(x => x.Language.ConfidenceScore).Language;

    /// <summary>Interleaves the chunks' ranked lists so every part of a long article contributes its best phrases.</summary>
    private static List<string> MergeKeyPhrases(List<IReadOnlyList<string>> ranked)
    {
        var merged = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int rank = 0; merged.Count < MaxKeyPhrases && ranked.Any(r => rank < r.Count); rank++)
        {
            foreach (var phrases in ranked)
            {
                if (rank < phrases.Count && seen.Add(phrases[rank]) && merged.Count < MaxKeyPhrases)
                    merged.Add(phrases[rank]);
            }
        }
        return merged;
    }
}
