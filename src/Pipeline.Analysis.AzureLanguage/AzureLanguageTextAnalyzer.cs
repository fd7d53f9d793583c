using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Analysis.Text;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// <see cref="ITextAnalyzer"/> over Azure AI Language. For one batch of documents (the chunks of one article):
/// language detection first for documents without a hint, then entities, sentiment, key phrases and (unless turned off)
/// entity linking with the language passed on. The documents go to the process's <see cref="LanguageBatcher"/>, which
/// shares each request with the other articles in flight, and come back one outcome each. Documents over the
/// text-element limit never leave the process.
/// </summary>
internal sealed class AzureLanguageTextAnalyzer(LanguageBatcher batcher, IOptions<LanguageOptions> options, ILogger<AzureLanguageTextAnalyzer> logger) : ITextAnalyzer
{
    private readonly LanguageOptions _options = options.Value;

    private readonly LanguageKind[] _features = options.Value.EntityLinking
        ? [LanguageKind.EntityRecognition, LanguageKind.SentimentAnalysis, LanguageKind.KeyPhraseExtraction, LanguageKind.EntityLinking]
        : [LanguageKind.EntityRecognition, LanguageKind.SentimentAnalysis, LanguageKind.KeyPhraseExtraction];

    /// <summary>
    /// The version names the API, the model and whether mentions are linked: each changes results, and the version is
    /// part of the cache key, so an analysis made without links is never served as one with them (or the reverse).
    /// </summary>
    public AnalyzerInfo Info { get; } = new("azure-language",
        $"{options.Value.ApiVersion}/{options.Value.ModelVersion}{(options.Value.EntityLinking ? "/linked" : "")}", ComputesLocally: false);

    public async Task<IReadOnlyList<DocumentAnalysis>> AnalyzeAsync(IReadOnlyList<AnalysisDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
            return [];

        var work = documents.Select(d => new Work(d, TextElements.Count(d.Text, 0, d.Text.Length))).ToArray();
        foreach (var w in work)
        {
            if (w.TextElements > _options.MaxDocumentTextElements)
                throw new AnalysisRejectedException("InvalidDocument",
                    $"Document {w.Document.Id} has {w.TextElements:N0} text elements; the limit is {_options.MaxDocumentTextElements:N0}. It was not sent.");
        }

        foreach (var w in work.Where(w => !string.IsNullOrWhiteSpace(w.Document.Language)))
            w.Language = FromHint(w.Document.Language!);
        var undetected = work.Where(w => w.Language is null).ToList();
        if (undetected.Count > 0)
            await RunAsync([LanguageKind.LanguageDetection], undetected, cancellationToken).ConfigureAwait(false);

        await RunAsync(_features, work, cancellationToken).ConfigureAwait(false);

        return work.Select(w => new DocumentAnalysis(
            w.Document.Id,
            w.Language!,
            w.Sentiment ?? new SentimentResult(SentimentLabel.Neutral, new SentimentScores(0, 1, 0)),
            w.Sentences,
            EntityLinks.Apply(w.Entities, w.LinkedEntities),
            w.KeyPhrases,
            w.TextRecords)).ToList();
    }

    private async Task RunAsync(IReadOnlyList<LanguageKind> kinds, IReadOnlyList<Work> work, CancellationToken cancellationToken)
    {
        // The first failure withdraws the article's documents still waiting for a request: it is retried or quarantined as a whole.
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var outcomes = await Task.WhenAll(kinds.Select(async kind =>
        {
            try
            {
                return (Kind: kind, Outcomes: await batcher.AnalyzeAsync(kind, work.Select(w => Input(kind, w)).ToList(), failed.Token).ConfigureAwait(false));
            }
            catch
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        })).ConfigureAwait(false);

        foreach (var (kind, results) in outcomes)
        {
            for (int i = 0; i < work.Count; i++)
            {
                if (results[i].Result is { } result)
                {
                    work[i].Apply(kind, result);
                    continue;
                }
                var error = results[i].Error!;
                if (error.SpecificCode == "UnsupportedLanguageCode" && kind != LanguageKind.LanguageDetection)
                {
                    // A real article in a language this feature does not cover: keep the article, without this feature.
                    logger.UnsupportedLanguage(kind, work[i].Language?.Iso6391Name, work[i].Document.Id);
                    continue;
                }
                throw new AnalysisRejectedException(error.SpecificCode ?? "InvalidDocument", error.SpecificMessage ?? $"{kind} rejected document {work[i].Document.Id}.");
            }
        }
    }

    /// <summary>Detection gets no hint (we have no country); the features get the hinted or detected language.</summary>
    private static InputDocument Input(LanguageKind kind, Work w) => kind == LanguageKind.LanguageDetection
        ? new InputDocument(w.Document.Id, w.Document.Text)
        : new InputDocument(w.Document.Id, w.Document.Text, Language: IsLanguageCode(w.Language?.Iso6391Name) ? w.Language!.Iso6391Name : null);

    /// <summary>Detection answers "(Unknown)" for text it cannot place; sending that on would fail, so the service default applies.</summary>
    private static bool IsLanguageCode(string? iso) => iso is { Length: >= 2 and <= 8 } && iso.All(c => char.IsAsciiLetter(c) || c == '-');

    private static DetectedLanguage FromHint(string hint)
    {
        string iso = hint.Trim().Split('-', '_')[0].ToLowerInvariant();
        string name;
        try { name = CultureInfo.GetCultureInfo(iso).EnglishName; }
        catch (CultureNotFoundException) { name = iso; }
        return new DetectedLanguage(iso, name, 1.0);
    }

    /// <summary>One document's results as they arrive, kind by kind.</summary>
    private sealed class Work(AnalysisDocument document, int textElements)
    {
        public AnalysisDocument Document { get; } = document;
        public int TextElements { get; } = textElements;
        public DetectedLanguage? Language { get; set; }
        public SentimentResult? Sentiment { get; private set; }
        public IReadOnlyList<SentenceSentiment> Sentences { get; private set; } = [];
        public IReadOnlyList<EntityMention> Entities { get; private set; } = [];
        public IReadOnlyList<EntityResult> LinkedEntities { get; private set; } = [];
        public IReadOnlyList<string> KeyPhrases { get; private set; } = [];

        /// <summary>Billed per document per feature answered: one record per started 1,000 characters.</summary>
        public int TextRecords { get; private set; }

        public void Apply(LanguageKind kind, ResultDocument result)
        {
            TextRecords += LanguageLimits.TextRecords(TextElements);
            switch (kind)
            {
                case LanguageKind.LanguageDetection:
                    var detected = result.DetectedLanguage!;
                    Language = new DetectedLanguage(detected.Iso6391Name, detected.Name, detected.ConfidenceScore);
                    break;
                case LanguageKind.SentimentAnalysis:
                    Sentiment = new SentimentResult(Label(result.Sentiment), Scores(result.ConfidenceScores!));
                    Sentences = (result.Sentences ?? []).Select(s => new SentenceSentiment(s.Text, s.Offset, s.Length, Label(s.Sentiment), Scores(s.ConfidenceScores))).ToList();
                    break;
                case LanguageKind.EntityRecognition:
                    Entities = (result.Entities ?? []).Where(e => e is { Text: not null, Category: not null, Offset: not null, Length: not null })
                        .Select(e => new EntityMention(e.Text!, e.Category!, e.Subcategory, e.Offset!.Value, e.Length!.Value, e.ConfidenceScore ?? 0)).ToList();
                    break;
                case LanguageKind.EntityLinking:
                    LinkedEntities = result.Entities ?? [];
                    break;
                case LanguageKind.KeyPhraseExtraction:
                    KeyPhrases = result.KeyPhrases ?? [];
                    break;
            }
        }

        private static SentimentLabel Label(string? label) => Enum.TryParse<SentimentLabel>(label, ignoreCase: true, out var parsed) ? parsed : SentimentLabel.Neutral;

        private static SentimentScores Scores(ScoresResult s) => new(s.Positive, s.Neutral, s.Negative);
    }
}
