using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Analysis;
using Pipeline.Analysis.AzureLanguage;
using Pipeline.Analysis.Offline;
using Pipeline.Ingestion;
using Pipeline.Ingestion.Enrichment;

using Pipeline.Analysis.Text;

namespace Pipeline.Local.Emulator;

/// <summary>What the emulator injects; all off by default. The random faults come from one seeded generator, so a run repeats.</summary>
public sealed record LanguageEmulatorOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>When set, requests without this <c>Ocp-Apim-Subscription-Key</c> get 401.</summary>
    public string? Key { get; init; }

    /// <summary>Requests per sliding minute before 429 with Retry-After (0: no limit), like a pricing tier.</summary>
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

/// <summary>What the emulator answered so far.</summary>
public sealed record LanguageEmulatorStats(long Requests, long Answered, long Throttled, long Unavailable, long Rejected, long TextRecords);

/// <summary>
/// Azure AI Language's synchronous <c>POST /language/:analyze-text</c> on loopback, answered by the offline analyzer:
/// the four kinds the pipeline uses, the documented limits (per-kind batch size and 1 MB → 400 InvalidDocumentBatch;
/// over 5,120 text elements or empty → a per-document InvalidDocument error), <c>csp-billing-usage</c>, key auth,
/// and optional faults (a per-minute limit and a share of 429s with Retry-After, a share of 503s, added latency).
/// Offsets are UTF-16 code units only: another <c>stringIndexType</c> is refused, which also proves the client sends it.
/// </summary>
public sealed class LanguageEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LanguageEmulatorOptions _options;
    private readonly OfflineTextAnalyzer _analyzer = new();
    private readonly Random _random;
    private readonly Queue<long> _window = new();
    private long _requests, _answered, _throttled, _unavailable, _rejected, _textRecords;

    private LanguageEmulator(WebApplication app, LanguageEmulatorOptions options)
    {
        _app = app;
        _options = options;
        _random = new Random(options.Seed);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public LanguageEmulatorStats Stats => new(Interlocked.Read(ref _requests), Interlocked.Read(ref _answered), Interlocked.Read(ref _throttled),
        Interlocked.Read(ref _unavailable), Interlocked.Read(ref _rejected), Interlocked.Read(ref _textRecords));

    public static async Task<LanguageEmulator> StartAsync(LanguageEmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The emulator lives inside another process (run, emulate-language, tests): Ctrl+C and SIGTERM belong to that process.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();
        app.Urls.Add($"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}");
        var emulator = new LanguageEmulator(app, options);
        app.MapPost(LanguageLimits.Path, emulator.HandleAsync);
        app.MapFallback((HttpContext http) => emulator.ErrorAsync(http, 404, "404", "Resource not found"));
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
            await ErrorAsync(http, 401, "401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.").ConfigureAwait(false);
            return;
        }
        if (Fault() is { } fault)
        {
            await FaultAsync(http, fault).ConfigureAwait(false);
            return;
        }
        if (string.IsNullOrEmpty(http.Request.Query["api-version"]))
        {
            await ErrorAsync(http, 400, "InvalidRequest", "The api-version query parameter is required.").ConfigureAwait(false);
            return;
        }

        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted).ConfigureAwait(false);
        if (body.Length > LanguageLimits.MaxRequestBytes)
        {
            await ErrorAsync(http, 400, "InvalidRequest", "Request Payload sent is too large to be processed.", "InvalidDocumentBatch",
                $"Request Payload sent is too large to be processed. Limit request size to: {LanguageLimits.MaxRequestBytes}").ConfigureAwait(false);
            return;
        }
        AnalyzeTextRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body.ToArray(), LanguageJson.Default.AnalyzeTextRequest);
        }
        catch (JsonException e)
        {
            request = null;
            await ErrorAsync(http, 400, "InvalidRequest", "Invalid request body.", "InvalidRequestBodyFormat", e.Message).ConfigureAwait(false);
            return;
        }
        var documents = request?.AnalysisInput?.Documents;
        if (request?.Parameters is null || documents is null || documents.Count == 0)
        {
            await ErrorAsync(http, 400, "InvalidRequest", "Invalid document in request.", "MissingInputDocuments", "Missing input documents.").ConfigureAwait(false);
            return;
        }
        int limit = LanguageLimits.DocumentsPerRequest(request.Kind);
        if (documents.Count > limit)
        {
            await ErrorAsync(http, 400, "InvalidRequest", "Invalid document in request.", "InvalidDocumentBatch",
                $"Batch request contains too many records. Max {limit} records are permitted.").ConfigureAwait(false);
            return;
        }
        if (request.Parameters.StringIndexType != "Utf16CodeUnit")
        {
            await ErrorAsync(http, 400, "InvalidArgument", $"The emulator answers Utf16CodeUnit offsets only, not '{request.Parameters.StringIndexType}'.").ConfigureAwait(false);
            return;
        }

        var results = new List<ResultDocument>();
        var errors = new List<DocumentError>();
        int textRecords = 0;
        foreach (var document in documents)
        {
            int textElements = TextElements.Count(document.Text ?? "", 0, document.Text?.Length ?? 0);
            if (string.IsNullOrWhiteSpace(document.Text))
            {
                errors.Add(DocumentFailure(document.Id, "Document text is empty."));
                continue;
            }
            if (textElements > LanguageLimits.MaxDocumentTextElements)
            {
                errors.Add(DocumentFailure(document.Id, $"A document within the request was too large to be processed. Limit document size to: {LanguageLimits.MaxDocumentTextElements} text elements."));
                continue;
            }
            var analysis = _analyzer.Analyze(new AnalysisDocument(document.Id, document.Text, document.Language));
            results.Add(Project(request.Kind, analysis));
            textRecords += LanguageLimits.TextRecords(textElements);
        }

        Interlocked.Increment(ref _answered);
        Interlocked.Add(ref _textRecords, textRecords);
        http.Response.Headers[LanguageLimits.BillingHeader] = $"{LanguageLimits.TextRecordsMeter}={textRecords}";
        var response = new AnalyzeTextResponse(request.Kind + "Results", new TaskResults("offline-" + OfflineTextAnalyzer.Version, errors, results));
        await WriteAsync(http, 200, JsonSerializer.SerializeToUtf8Bytes(response, LanguageJson.Wire.GetTypeInfo(typeof(AnalyzeTextResponse)))).ConfigureAwait(false);
    }

    private static ResultDocument Project(LanguageKind kind, DocumentAnalysis analysis) => kind switch
    {
        LanguageKind.LanguageDetection => new ResultDocument(analysis.Id,
            DetectedLanguage: new DetectedLanguageResult(analysis.Language.Name, analysis.Language.Iso6391Name, analysis.Language.ConfidenceScore)),
        LanguageKind.SentimentAnalysis => new ResultDocument(analysis.Id,
            Sentiment: Label(analysis.Sentiment.Label),
            ConfidenceScores: Scores(analysis.Sentiment.Scores),
            Sentences: analysis.Sentences.Select(s => new SentenceResult(s.Text, Label(s.Sentiment), Scores(s.ConfidenceScores), s.Offset, s.Length)).ToList()),
        LanguageKind.EntityRecognition => new ResultDocument(analysis.Id,
            Entities: analysis.Entities.Select(e => new EntityResult(e.Text, e.Category, e.Subcategory, e.Offset, e.Length, e.ConfidenceScore)).ToList()),
        LanguageKind.KeyPhraseExtraction => new ResultDocument(analysis.Id, KeyPhrases: analysis.KeyPhrases),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Label(SentimentLabel label) => label.ToString().ToLowerInvariant();

    private static ScoresResult Scores(SentimentScores s) => new(s.Positive, s.Neutral, s.Negative);

    private static DocumentError DocumentFailure(string id, string message) =>
        new(id, new ServiceError("InvalidArgument", "Invalid document in request.", new ServiceError("InvalidDocument", message)));

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
            return WriteErrorAsync(http, 503, "ServiceUnavailable", "The service is temporarily unavailable.", null, null);
        }
        Interlocked.Increment(ref _throttled);
        int seconds = (int)Math.Ceiling(fault.RetryAfter.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (fault.RetryAfter.Milliseconds != 0)
            http.Response.Headers["retry-after-ms"] = ((long)fault.RetryAfter.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        return WriteErrorAsync(http, 429, "429",
            $"Requests to the Analyze Text Operation under Language API have exceeded rate limit of your current pricing tier. Please retry after {seconds} seconds. Please contact Azure support service if you would like to further increase the default rate limit.",
            null, null);
    }

    private Task ErrorAsync(HttpContext http, int status, string code, string message, string? innerCode = null, string? innerMessage = null)
    {
        Interlocked.Increment(ref _rejected);
        return WriteErrorAsync(http, status, code, message, innerCode, innerMessage);
    }

    private static Task WriteErrorAsync(HttpContext http, int status, string code, string message, string? innerCode, string? innerMessage)
    {
        http.Response.Headers["x-ms-error-code"] = innerCode ?? code;
        var error = new ErrorResponse(new ServiceError(code, message, innerCode is null ? null : new ServiceError(innerCode, innerMessage)));
        return WriteAsync(http, status, JsonSerializer.SerializeToUtf8Bytes(error, LanguageJson.Wire.GetTypeInfo(typeof(ErrorResponse))));
    }

    private static async Task WriteAsync(HttpContext http, int status, byte[] json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(json, http.RequestAborted).ConfigureAwait(false);
    }

    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
