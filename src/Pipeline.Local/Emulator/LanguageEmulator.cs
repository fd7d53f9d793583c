using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Analysis;
using Pipeline.Analysis.AzureLanguage;
using Pipeline.Analysis.Entities;
using Pipeline.Analysis.Offline;
using Pipeline.Analysis.Text;

namespace Pipeline.Local.Emulator;

/// <summary>What the emulator injects; all off by default. The random faults come from one seeded generator, so a run repeats.</summary>
public sealed record LanguageEmulatorOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>When set, requests without this <c>Ocp-Apim-Subscription-Key</c> get 401.</summary>
    public string? Key { get; init; }

    /// <summary>
    /// Requests per sliding minute before 429 with Retry-After (0: no limit), like a pricing tier: one budget for every
    /// client of this emulator, so several hosts pointed at it share it as instances share a resource.
    /// </summary>
    public int ThrottleRequestsPerMinute { get; init; }

    /// <summary>Share of requests answered 429 at random, with <see cref="RetryAfter"/>.</summary>
    public double ThrottleRate { get; init; }

    /// <summary>Share of requests answered 503 at random.</summary>
    public double UnavailableRate { get; init; }

    public TimeSpan Latency { get; init; }

    /// <summary>The wait a random 429 asks for: <c>Retry-After</c> in whole seconds, plus <c>retry-after-ms</c> for sub-second precision.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    public int Seed { get; init; } = 1;
}

/// <summary>What the emulator answered so far; <see cref="LanguageEmulator.StatsPath"/> serves it to other processes.</summary>
/// <param name="Requests">Requests received, whatever the answer.</param>
/// <param name="Answered">Requests answered 200.</param>
/// <param name="Throttled">Requests answered 429 (the per-minute limit or the random share).</param>
/// <param name="Unavailable">Requests answered 503.</param>
/// <param name="Rejected">Requests refused otherwise (401, 400, 404).</param>
/// <param name="TextRecords">Text records billed.</param>
/// <param name="Documents">Documents in the requests answered 200, analysed or refused one by one.</param>
/// <param name="Kinds">The requests answered 200 and their documents, by kind.</param>
public sealed record LanguageEmulatorStats(long Requests, long Answered, long Throttled, long Unavailable, long Rejected, long TextRecords, long Documents,
    IReadOnlyDictionary<LanguageKind, KindCount>? Kinds = null)
{
    /// <summary>Reads the stats of an emulator running elsewhere (another process) at <paramref name="endpoint"/>.</summary>
    public static async Task<LanguageEmulatorStats> ReadAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var client = new HttpClient();
        return await client.GetFromJsonAsync(new Uri(endpoint, LanguageEmulator.StatsPath.TrimStart('/')), EmulatorJson.Default.LanguageEmulatorStats, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The Language emulator at {endpoint} answered no stats.");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Requests:N0} requests, {Answered:N0} answered, {Throttled:N0} 429, {Unavailable:N0} 503, {Rejected:N0} rejected, {Documents:N0} documents, {TextRecords:N0} text records billed");
}

/// <summary>Requests of one kind answered 200, and the documents they carried.</summary>
public sealed record KindCount(long Answered, long Documents);

[JsonSerializable(typeof(LanguageEmulatorStats))]
internal sealed partial class EmulatorJson : JsonSerializerContext;

/// <summary>
/// Azure AI Language's synchronous <c>POST /language/:analyze-text</c> on loopback, answered by the offline analyzer in
/// the service's shapes, so the official SDKs work against it with their default options: the five kinds the pipeline
/// uses (EntityLinking links to the project's country, alias and GeoNames tables, not to Wikipedia), the REST defaults for
/// omitted parameters, all three <c>stringIndexType</c>s, <c>showStats</c>, rule-based opinion mining, the documented
/// limits (per-kind batch size, duplicate ids and 1 MB → 400; empty, over 5,120 text elements or an unsupported
/// language → a per-document error), <c>csp-billing-usage</c>, key auth, and optional faults (a per-minute limit and a
/// share of 429s with Retry-After, a share of 503s, added latency).
/// </summary>
public sealed partial class LanguageEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LanguageEmulatorOptions _options;
    /// <summary>The service's language when a document names none.</summary>
    private const string DefaultLanguage = "en";

    /// <summary>The one model behind every kind; requests may name it or "latest".</summary>
    private const string ModelVersion = "offline-" + OfflineTextAnalyzer.Version;

    private readonly OfflineTextAnalyzer _analyzer = new();
    private readonly OpinionMiner _opinions = new();
    private readonly Random _random;
    private readonly Queue<long> _window = new();
    private long _requests, _answered, _throttled, _unavailable, _rejected, _textRecords, _documents;
    private readonly long[] _answeredByKind = new long[Enum.GetValues<LanguageKind>().Length], _documentsByKind = new long[Enum.GetValues<LanguageKind>().Length];

    private LanguageEmulator(WebApplication app, LanguageEmulatorOptions options)
    {
        _app = app;
        _options = options;
        _random = new Random(options.Seed);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where <see cref="Stats"/> is served as JSON (<c>GET</c>), outside the service's own paths.</summary>
    public const string StatsPath = "/emulator/stats";

    public LanguageEmulatorStats Stats => new(Interlocked.Read(ref _requests), Interlocked.Read(ref _answered), Interlocked.Read(ref _throttled),
        Interlocked.Read(ref _unavailable), Interlocked.Read(ref _rejected), Interlocked.Read(ref _textRecords), Interlocked.Read(ref _documents),
        Enum.GetValues<LanguageKind>().ToDictionary(k => k, k => new KindCount(Interlocked.Read(ref _answeredByKind[(int)k]), Interlocked.Read(ref _documentsByKind[(int)k]))));

    public static async Task<LanguageEmulator> StartAsync(LanguageEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The emulator lives inside another process (run, emulate-language, tests): Ctrl+C and SIGTERM belong to that process.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();
        app.Urls.Add($"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}");
        var emulator = new LanguageEmulator(app, options);
        // Endpoints are written with a trailing "/" (the portal's, and the one printed here), and the JavaScript SDK
        // appends "/language/...": the service answers "//language/:analyze-text", so the emulator does too.
        app.Use((http, next) =>
        {
            http.Request.Path = new PathString(RepeatedSlashes().Replace(http.Request.Path.Value ?? "/", "/"));
            return next(http);
        });
        app.UseRouting();
        app.MapPost(LanguageLimits.Path, emulator.HandleAsync);
        app.MapGet(StatsPath, () => TypedResults.Json(emulator.Stats, EmulatorJson.Default.LanguageEmulatorStats));
        app.MapFallback((HttpContext http) => emulator.ErrorAsync(http, new RequestFailure(404, "404", "Resource not found")));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        emulator.BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        if (_options.Latency > TimeSpan.Zero)
            await Task.Delay(_options.Latency, http.RequestAborted).ConfigureAwait(false);

        if (_options.Key is { Length: > 0 } key && http.Request.Headers["Ocp-Apim-Subscription-Key"] != key)
        {
            await ErrorAsync(http, new RequestFailure(401, "401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.")).ConfigureAwait(false);
            return;
        }
        if (Fault() is { } fault)
        {
            await FaultAsync(http, fault).ConfigureAwait(false);
            return;
        }
        if (string.IsNullOrEmpty(http.Request.Query["api-version"]))
        {
            await ErrorAsync(http, new RequestFailure(400, "InvalidRequest", "The api-version query parameter is required.")).ConfigureAwait(false);
            return;
        }

        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted).ConfigureAwait(false);
        if (body.Length > LanguageLimits.MaxRequestBytes)
        {
            await ErrorAsync(http, RequestFailure.InvalidDocumentBatch(
                $"Request Payload sent is too large to be processed. Limit request size to: {LanguageLimits.MaxRequestBytes}")).ConfigureAwait(false);
            return;
        }
        var (input, failure) = AnalyzeTextInput.Read(body.GetBuffer().AsSpan(0, (int)body.Length));
        failure ??= BatchFailure(input!);
        if (failure is not null)
        {
            await ErrorAsync(http, failure).ConfigureAwait(false);
            return;
        }

        bool showStats = bool.TryParse(http.Request.Query["showStats"], out bool stats) && stats;
        var results = new List<ResultDocument>();
        var errors = new List<DocumentError>();
        int textRecords = 0;
        foreach (var document in input!.Documents)
        {
            int textElements = TextElements.Count(document.Text, 0, document.Text.Length);
            if (DocumentFailure(input.Kind, document, textElements) is { } error)
            {
                errors.Add(new DocumentError(document.Id, error));
                continue;
            }
            string? language = input.Kind == LanguageKind.LanguageDetection ? null : document.Language ?? DefaultLanguage;
            var analysis = _analyzer.Analyze(new AnalysisDocument(document.Id, document.Text, language));
            int records = LanguageLimits.TextRecords(textElements);
            results.Add(Project(input, results.Count, document.Text, analysis) with
            {
                Warnings = [],
                Statistics = showStats ? new DocumentStatistics(textElements, records) : null,
            });
            textRecords += records;
        }

        Interlocked.Increment(ref _answered);
        Interlocked.Add(ref _textRecords, textRecords);
        Interlocked.Add(ref _documents, input.Documents.Count);
        Interlocked.Increment(ref _answeredByKind[(int)input.Kind]);
        Interlocked.Add(ref _documentsByKind[(int)input.Kind], input.Documents.Count);
        http.Response.Headers[LanguageLimits.BillingHeader] = $"{LanguageLimits.TextRecordsMeter}={textRecords}";
        var batch = showStats ? new RequestStatistics(input.Documents.Count, results.Count, errors.Count, textRecords) : null;
        var response = new AnalyzeTextResponse(input.Kind + "Results", new TaskResults(ModelVersion, errors, results, batch));
        await WriteAsync(http, 200, JsonSerializer.SerializeToUtf8Bytes(response, LanguageJson.Wire.GetTypeInfo(typeof(AnalyzeTextResponse)))).ConfigureAwait(false);
    }

    /// <summary>What fails the whole request once its body is read: the kind's batch size, duplicate ids, an unknown model.</summary>
    private static RequestFailure? BatchFailure(AnalyzeTextInput input)
    {
        int limit = LanguageLimits.DocumentsPerRequest(input.Kind);
        if (input.Documents.Count > limit)
            return RequestFailure.InvalidDocumentBatch($"Batch request contains too many records. Max {limit} records are permitted.");
        if (input.Documents.DistinctBy(d => d.Id, StringComparer.Ordinal).Count() != input.Documents.Count)
            return new RequestFailure(400, "InvalidRequest", "Invalid Document in request.", "InvalidDocument",
                "Request contains duplicated Ids. Make sure each document has a unique Id.");
        if (input.ModelVersion != "latest" && input.ModelVersion != ModelVersion)
            return new RequestFailure(400, "InvalidRequest", "Invalid Request.", "ModelVersionIncorrect",
                $"Invalid model version. Possible values are: latest,{ModelVersion}. For additional details see https://aka.ms/text-analytics-model-versioning");
        return null;
    }

    /// <summary>What fails one document alone, answered in <c>results.errors</c> while the others succeed.</summary>
    private static ServiceError? DocumentFailure(LanguageKind kind, InputDocument document, int textElements)
    {
        if (string.IsNullOrWhiteSpace(document.Text))
            return InvalidDocument("Document text is empty.");
        if (textElements > LanguageLimits.MaxDocumentTextElements)
            return InvalidDocument($"A document within the request was too large to be processed. Limit document size to: {LanguageLimits.MaxDocumentTextElements} text elements. For additional details on the data limitations see https://aka.ms/text-analytics-data-limits");
        if (kind == LanguageKind.LanguageDetection)
            return null;
        string language = document.Language ?? DefaultLanguage;
        var supported = SupportedLanguages(kind);
        return supported.Contains(language.Split('-')[0].ToLowerInvariant())
            ? null
            : new ServiceError("InvalidArgument", "Invalid Language Code.", new ServiceError("UnsupportedLanguageCode",
                $"Invalid language code '{language}'. Supported languages: {string.Join(",", supported)}. For additional details see https://aka.ms/language-service/language-support"));
    }

    private static ServiceError InvalidDocument(string message) =>
        new("InvalidArgument", "Invalid Document in request.", new ServiceError("InvalidDocument", message));

    /// <summary>
    /// What the offline analyzer can honestly answer: sentiment needs its English lexicon; key phrases need a stop-word
    /// list, and entities are found in the same languages (full rules in English, gazetteer names and numbers elsewhere).
    /// </summary>
    private static IReadOnlyList<string> SupportedLanguages(LanguageKind kind) =>
        kind == LanguageKind.SentimentAnalysis ? [DefaultLanguage] : OfflineTextAnalyzer.PhraseLanguages;

    private ResultDocument Project(AnalyzeTextInput input, int documentIndex, string text, DocumentAnalysis analysis)
    {
        var index = new StringIndex(text, input.StringIndexType);
        switch (input.Kind)
        {
            case LanguageKind.LanguageDetection:
                return new ResultDocument(analysis.Id,
                    DetectedLanguage: new DetectedLanguageResult(analysis.Language.Name, analysis.Language.Iso6391Name, analysis.Language.ConfidenceScore));
            case LanguageKind.EntityRecognition:
                return new ResultDocument(analysis.Id, Entities: analysis.Entities.Select(e =>
                {
                    var (offset, length) = index.Span(e.Offset, e.Length);
                    return new EntityResult(e.Text, e.Category, e.Subcategory, offset, length, e.ConfidenceScore);
                }).ToList());
            case LanguageKind.KeyPhraseExtraction:
                return new ResultDocument(analysis.Id, KeyPhrases: analysis.KeyPhrases);
            case LanguageKind.EntityLinking:
                return new ResultDocument(analysis.Id, Entities: Linked(text, analysis, index));
            case LanguageKind.SentimentAnalysis:
                var tokens = input.OpinionMining ? Tokenizer.Tokenize(text) : null;
                return new ResultDocument(analysis.Id,
                    Sentiment: Label(analysis.Sentiment.Label),
                    ConfidenceScores: Scores(analysis.Sentiment.Scores),
                    Sentences: analysis.Sentences.Select((s, sentence) =>
                    {
                        var (offset, length) = index.Span(s.Offset, s.Length);
                        var result = new SentenceResult(s.Text, Label(s.Sentiment), Scores(s.ConfidenceScores), offset, length);
                        return tokens is null ? result : WithOpinions(result, _opinions.Mine(text, tokens, s.Offset, s.Length), index, text, $"#/documents/{documentIndex}/sentences/{sentence}/assessments/");
                    }).ToList());
            default:
                throw new ArgumentOutOfRangeException(nameof(input));
        }
    }

    /// <summary>
    /// EntityLinking from the offline analyzer's mentions and <see cref="EntityCanonicalizer.Default"/>: one entity per
    /// canonical id with every mention of it as a match. Only what the project's data knows is linked (countries, the
    /// alias table, GeoNames places), as the service links only what its knowledge base knows; the data source is named
    /// honestly, and there is no page to link to. A table entity's id there is its name, as a Wikipedia entity's is its
    /// title; a GeoNames place's is its geonameid, so the link names the place as the offline analyzer does.
    /// </summary>
    private static List<EntityResult> Linked(string text, DocumentAnalysis analysis, StringIndex index) =>
        EntityCanonicalizer.Default.Canonicalize(text, analysis.Entities)
            .Where(m => m.Canonical is { Source: EntityCanonicalizer.Iso3166Source or EntityCanonicalizer.AliasSource or EntityCanonicalizer.GeoNamesSource })
            .GroupBy(m => m.Canonical!.Id, StringComparer.Ordinal)
            .Select(mentions =>
            {
                var entity = mentions.First().Canonical!;
                return new EntityResult(
                    Name: entity.Name,
                    Matches: mentions.Select(m =>
                    {
                        var (offset, length) = index.Span(m.Offset, m.Length);
                        return new LinkedEntityMatch(m.Text, offset, length, m.ConfidenceScore);
                    }).ToList(),
                    Language: analysis.Language.Iso6391Name,
                    Id: entity.Source == EntityCanonicalizer.GeoNamesSource ? entity.Id[(entity.Id.IndexOf(':', StringComparison.Ordinal) + 1)..] : entity.Name,
                    Url: "",
                    DataSource: entity.Source);
            }).ToList();

    /// <summary>
    /// The sentence with its targets and assessments; each target's relations point at its assessments by JSON pointer
    /// into this response, the way the service links them.
    /// </summary>
    private static SentenceResult WithOpinions(SentenceResult sentence, IReadOnlyList<MinedOpinion> opinions, StringIndex index, string text, string assessmentPointer)
    {
        var assessments = new List<SentenceAssessment>();
        var targets = new List<SentenceTarget>();
        foreach (var opinion in opinions)
        {
            var relations = new List<TargetRelation>();
            foreach (var mined in opinion.Assessments)
            {
                var scores = OpinionScore(mined.IsNegated ? -mined.Valence : mined.Valence);
                var (offset, length) = index.Span(mined.Offset, mined.Length);
                relations.Add(new TargetRelation("assessment", assessmentPointer + assessments.Count.ToString(CultureInfo.InvariantCulture)));
                assessments.Add(new SentenceAssessment(scores.Positive >= scores.Negative ? "positive" : "negative", scores, offset, length,
                    text.Substring(mined.Offset, mined.Length), mined.IsNegated));
            }
            var related = assessments.TakeLast(relations.Count).ToList();
            string sentiment = related.All(a => a.Sentiment == "positive") ? "positive" : related.All(a => a.Sentiment == "negative") ? "negative" : "mixed";
            var (targetOffset, targetLength) = index.Span(opinion.Offset, opinion.Length);
            targets.Add(new SentenceTarget(sentiment,
                new OpinionScores(Math.Round(related.Average(a => a.ConfidenceScores.Positive), 2), Math.Round(related.Average(a => a.ConfidenceScores.Negative), 2)),
                targetOffset, targetLength, text.Substring(opinion.Offset, opinion.Length), relations));
        }
        return sentence with { Targets = targets, Assessments = assessments };
    }

    /// <summary>A lexicon valence (-4..4) as positive/negative confidences that sum to 1.</summary>
    private static OpinionScores OpinionScore(double valence)
    {
        double positive = Math.Round(1 / (1 + Math.Exp(-valence)), 2);
        return new OpinionScores(positive, Math.Round(1 - positive, 2));
    }

    private static string Label(SentimentLabel label) => label.ToString().ToLowerInvariant();

    private static ScoresResult Scores(SentimentScores s) => new(s.Positive, s.Neutral, s.Negative);

    private enum FaultKind { RateLimited, Throttled, Unavailable }

    /// <summary>The per-minute limit first (it models the tier), then the random faults.</summary>
    private (FaultKind Kind, TimeSpan RetryAfter)? Fault()
    {
        lock (_random)
        {
            if (_options.ThrottleRequestsPerMinute > 0)
            {
                long now = Environment.TickCount64;
                while (_window.Count > 0 && now - _window.Peek() >= 60_000)
                    _window.Dequeue();
                if (_window.Count >= _options.ThrottleRequestsPerMinute)
                    return (FaultKind.RateLimited, TimeSpan.FromMilliseconds(60_000 - (now - _window.Peek())));
                _window.Enqueue(now);
            }
            double roll = _random.NextDouble();
            if (roll < _options.ThrottleRate)
                return (FaultKind.Throttled, _options.RetryAfter);
            if (roll < _options.ThrottleRate + _options.UnavailableRate)
                return (FaultKind.Unavailable, TimeSpan.Zero);
            return null;
        }
    }

    private Task FaultAsync(HttpContext http, (FaultKind Kind, TimeSpan RetryAfter) fault)
    {
        if (fault.Kind == FaultKind.Unavailable)
        {
            Interlocked.Increment(ref _unavailable);
            return WriteErrorAsync(http, new RequestFailure(503, "ServiceUnavailable", "The service is temporarily unavailable."));
        }
        Interlocked.Increment(ref _throttled);
        int seconds = (int)Math.Ceiling(fault.RetryAfter.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (fault.RetryAfter.Milliseconds != 0)
            http.Response.Headers["retry-after-ms"] = ((long)fault.RetryAfter.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        return WriteErrorAsync(http, new RequestFailure(429, "429",
            $"Requests to the Analyze Text Operation under Language API have exceeded rate limit of your current pricing tier. Please retry after {seconds} seconds. Please contact Azure support service if you would like to further increase the default rate limit."));
    }

    private Task ErrorAsync(HttpContext http, RequestFailure failure)
    {
        Interlocked.Increment(ref _rejected);
        return WriteErrorAsync(http, failure);
    }

    private static Task WriteErrorAsync(HttpContext http, RequestFailure failure)
    {
        http.Response.Headers["x-ms-error-code"] = failure.InnerCode ?? failure.Code;
        var inner = failure.InnerCode is null ? null : new ServiceError(failure.InnerCode, failure.InnerMessage);
        var error = new ErrorResponse(new ServiceError(failure.Code, failure.Message, inner));
        return WriteAsync(http, failure.Status, JsonSerializer.SerializeToUtf8Bytes(error, LanguageJson.Wire.GetTypeInfo(typeof(ErrorResponse))));
    }

    private static async Task WriteAsync(HttpContext http, int status, byte[] json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(json, http.RequestAborted).ConfigureAwait(false);
    }

    [GeneratedRegex("/{2,}")]
    private static partial Regex RepeatedSlashes();

    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
