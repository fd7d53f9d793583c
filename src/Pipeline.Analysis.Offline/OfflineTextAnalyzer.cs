using Pipeline.Analysis.Text;
namespace Pipeline.Analysis.Offline;

/// <summary>
/// Entities, sentiment, key phrases and language without any service: rules over lexicons and gazetteers built from
/// open data (see THIRD-PARTY-NOTICES.md). Full analysis for English, German, French, Spanish, Italian, Dutch and
/// Portuguese (one set of rules, a data profile per language); for other languages the language, sentences,
/// key phrases (where stop words are known), names from the gazetteers and numbers. Stateless after the shared data
/// is loaded, so one instance can serve every thread.
/// </summary>
public sealed class OfflineTextAnalyzer : ITextAnalyzer
{
    /// <summary>Bump whenever rules or data change: it is part of the enrichment cache key.</summary>
    public const string Version = "1.30.13";

    private readonly OfflineData _data;
    private readonly EntityRecognizer _entities;
    private readonly SentimentScorer _sentiment;

    /// <summary>Recogniser and scorer per profiled language, made the first time a text in that language arrives.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (LanguageProfile Profile, EntityRecognizer Entities, SentimentScorer Sentiment)> _languageRules = new(StringComparer.Ordinal);
    private readonly LanguageDetector _languages;
    private readonly ISentencePolarityModel? _accurate;

    public OfflineTextAnalyzer() : this(new OfflineAnalyzerOptions())
    {
    }

    public OfflineTextAnalyzer(OfflineAnalyzerOptions options, ISentencePolarityModel? polarityModel = null)
    {
        Mode = options.Mode;
        _data = OfflineData.Instance;
        if (Mode == OfflineAnalyzerMode.Accurate)
        {
            _accurate = polarityModel ?? throw new InvalidOperationException(
                "Pipeline:Offline:Mode is Accurate, but no sentence-polarity model is registered: reference src/Pipeline.Analysis.MiniLM and call AddMiniLmSentiment().");
            _accurate.Preload();
        }
        var english = LanguageProfile.For("en")!;
        _entities = new EntityRecognizer(_data, english);
        _sentiment = new SentimentScorer(_data);
        _languageRules["en"] = (english, _entities, _sentiment);
        _languages = new LanguageDetector(_data);
    }

    public OfflineAnalyzerMode Mode { get; }

    public AnalyzerInfo Info => Mode == OfflineAnalyzerMode.Fast ? FastInfo : AccurateInfo;

    private static readonly AnalyzerInfo FastInfo = new("offline", Version), AccurateInfo = new("offline-accurate", Version);

    public Task<IReadOnlyList<DocumentAnalysis>> AnalyzeAsync(IReadOnlyList<AnalysisDocument> documents, CancellationToken cancellationToken)
    {
        var results = new DocumentAnalysis[documents.Count];
        for (int i = 0; i < documents.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results[i] = Analyze(documents[i]);
        }
        return Task.FromResult<IReadOnlyList<DocumentAnalysis>>(results);
    }

    /// <summary>Languages with a stop-word list: key phrases and entities (full rules in English, names and numbers elsewhere).</summary>
    public static IReadOnlyList<string> PhraseLanguages { get; } = OfflineData.Instance.StopWords.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>One document, synchronously: the analyzer is CPU-bound and never waits.</summary>
    public DocumentAnalysis Analyze(AnalysisDocument document) => Analyze(document, null);

    /// <summary>The analysis, and for each entity the calibration key of the rule that found it (for the calibration tool).</summary>
    public (DocumentAnalysis Analysis, List<string> CalibrationKeys) AnalyzeWithRules(AnalysisDocument document)
    {
        var keys = new List<string>();
        return (Analyze(document, keys), keys);
    }

    private DocumentAnalysis Analyze(AnalysisDocument document, List<string>? calibrationKeys)
    {
        string text = document.Text ?? "";
        var tokens = Tokenizer.Tokenize(text);
        var language = string.IsNullOrWhiteSpace(document.Language) ? _languages.Detect(text, tokens) : _languages.FromHint(document.Language);
        bool english = language.Iso6391Name == "en";
        var rules = RulesFor(language.Iso6391Name);
        // Elisions split off before anything counts sentences or words: "l'Italia" is two words.
        if (rules is { } split) tokens = split.Profile.Adapt(text, tokens, nouns: false);
        var sentences = SentenceSplitter.Split(text, tokens, rules?.Profile.Numbers is { OrdinalDays: true } numbers ? numbers.Months : null);

        // The gazetteers' answers for this document's words, found once for the noun pass, the entity rules and the scorer.
        using var phrases = PhraseMemo.Begin(text, tokens);
        var entityTokens = rules is { } r ? r.Profile.Adapt(text, tokens, nouns: true) : tokens;
        phrases.Include(entityTokens);
        var candidates = (rules?.Entities ?? _entities).Recognize(text, entityTokens, sentences, rules is not null);
        var entities = new List<EntityMention>(candidates.Count);
        foreach (var c in candidates)
        {
            int offset = tokens[c.Start].Start, length = tokens[c.End - 1].End - offset;
            // The rule's measured precision on the development sets; a rule they never exercised is trusted less.
            double confidence = _data.Calibration.TryGetValue(c.CalibrationKey, out double measured) ? measured
                : _data.Calibration.Count > 0 && c.Category != EntityCategories.PersonType ? Math.Min(c.Confidence, Evaluation.EntityCalibration.UnseenRule) : c.Confidence;
            entities.Add(new EntityMention(text.Substring(offset, length), c.Category, c.Subcategory, offset, length, Math.Round(confidence, 2)));
            calibrationKeys?.Add(c.CalibrationKey);
        }

        var named = NamedTokens(tokens.Count, candidates);
        var sentenceResults = new List<SentenceSentiment>(sentences.Count);
        foreach (var s in sentences)
        {
            int offset = tokens[s.Start].Start, length = tokens[s.End - 1].End - offset;
            // Languages without a profile are reported neutral rather than guessed; the others have their lexicon and rules.
            var (label, scores) = english ? FastSentiment(text, tokens, s)
                : rules is { } lr ? SentimentScorer.ToResult(lr.Sentiment.ScoreSentence(text, tokens, s.Start, s.End, named))
                : (SentimentLabel.Neutral, new SentimentScores(0, 1, 0));
            sentenceResults.Add(new SentenceSentiment(text.Substring(offset, length), offset, length, label, scores));
        }
        if (english && _accurate is not null && sentenceResults.Count > 0)
        {
            // Accurate mode: the MiniLM classifier decides polarity, with the lexicon score as one of its inputs.
            var texts = sentenceResults.Select(r => r.Text).ToArray();
            var lexicon = sentenceResults.Select(r => r.ConfidenceScores.Positive - r.ConfidenceScores.Negative).ToArray();
            var positive = _accurate.PositiveProbability(texts, lexicon);
            for (int i = 0; i < sentenceResults.Count; i++)
            {
                var (label, scores) = PolarityResult(positive[i], sentenceResults[i].Sentiment);
                sentenceResults[i] = sentenceResults[i] with { Sentiment = label, ConfidenceScores = scores };
            }
        }

        var keyPhrases = _data.StopWords.TryGetValue(language.Iso6391Name, out var stopWords)
            ? KeyPhraseExtractor.Extract(text, tokens, stopWords, named)
            : [];

        return new DocumentAnalysis(document.Id, language, SentimentMerger.Merge(sentenceResults), sentenceResults, entities, keyPhrases);
    }

    /// <summary>Which tokens lie inside the name of a person, place, organisation, event or product.</summary>
    private static bool[] NamedTokens(int count, List<Candidate> candidates)
    {
        var named = new bool[count];
        foreach (var c in candidates)
            if (c.Category is EntityCategories.Person or EntityCategories.Location or EntityCategories.Organization or EntityCategories.Event or EntityCategories.Product)
                Array.Fill(named, true, c.Start, c.End - c.Start);
        return named;
    }

    private (LanguageProfile Profile, EntityRecognizer Entities, SentimentScorer Sentiment)? RulesFor(string iso)
    {
        if (_languageRules.TryGetValue(iso, out var rules)) return rules;
        if (LanguageProfile.For(iso) is not { } profile) return null;
        return _languageRules.GetOrAdd(iso, _ => (profile, new EntityRecognizer(_data, profile), new SentimentScorer(_data, profile)));
    }

    /// <summary>
    /// Fast mode: the rules score the sentence, and the learned word polarities (which take the rules' scores as
    /// features) decide its polarity; the rules still decide how much of it is neutral. Accurate mode keeps the rules'
    /// result here: its classifier was trained on that, and it decides polarity afterwards.
    /// </summary>
    private (SentimentLabel Label, SentimentScores Scores) FastSentiment(string text, List<Token> tokens, SentenceRange s)
    {
        var score = _sentiment.ScoreSentence(text, tokens, s.Start, s.End);
        var rules = SentimentScorer.ToResult(score);
        if (_accurate is not null) return rules;
        double positive = 1 / (1 + Math.Exp(-_data.WordPolarity.LogOdds(text, tokens, s.Start, s.End, score, _sentiment)));
        // "awful, but wonderful": a mean over words cannot tell which clause carries the point; the rules can.
        if (rules.Label != SentimentLabel.Neutral && (positive > 0.5) != (rules.Label == SentimentLabel.Positive)
            && WordPolarity.HasContrast(text, tokens, s.Start, s.End)) return rules;
        if (rules.Label != SentimentLabel.Neutral) return PolarityResult(positive, rules.Label);
        // No evaluative word (or a balance of them): the label stays neutral, as most news sentences are, while the
        // positive and negative scores still lean the way the learned words do.
        double margin = Math.Abs(2 * positive - 1), neutral = 1 - 0.5 * margin;
        return (SentimentLabel.Neutral, SentimentMerger.Normalise(positive * (1 - neutral), neutral, (1 - positive) * (1 - neutral)));
    }

    /// <summary>
    /// Label and scores from the probability: the classifiers know only positive and negative (they learnt from reviews),
    /// so the lexicon decides how much of the rest is neutral: a sentence with no evaluative word and a hesitant
    /// classifier is neutral, as news sentences mostly are.
    /// </summary>
    private static (SentimentLabel Label, SentimentScores Scores) PolarityResult(double positive, SentimentLabel lexiconLabel)
    {
        double margin = Math.Abs(2 * positive - 1);
        double neutral = (lexiconLabel == SentimentLabel.Neutral ? 0.7 : 0.3) * (1 - margin);
        var scores = SentimentMerger.Normalise(positive * (1 - neutral), neutral, (1 - positive) * (1 - neutral));
        var label = scores.Neutral >= scores.Positive && scores.Neutral >= scores.Negative ? SentimentLabel.Neutral
            : scores.Positive >= scores.Negative ? SentimentLabel.Positive : SentimentLabel.Negative;
        return (label, scores);
    }
}
