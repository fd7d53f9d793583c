using System.ComponentModel.DataAnnotations;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// Settings under <c>Pipeline:Language</c> (environment: <c>Pipeline__Language__...</c>), read when <c>Pipeline:Analyzer</c>
/// is <c>AzureLanguage</c>. The defaults follow the S tier and the service's documented limits (docs/azure-language.md).
/// </summary>
public sealed class LanguageOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Pipeline:Language";

    /// <summary>The resource endpoint, e.g. <c>https://&lt;name&gt;.cognitiveservices.azure.com/</c> (a custom subdomain is needed for Entra ID auth).</summary>
    [Required] public Uri? Endpoint { get; set; }

    /// <summary>Resource key. Empty: Entra ID through DefaultAzureCredential (the managed identity named by <c>AZURE_CLIENT_ID</c>).</summary>
    public string? Key { get; set; }

    /// <summary>The REST <c>api-version</c>, <c>yyyy-MM-dd</c> or <c>yyyy-MM-dd-preview</c>; the wire contract is written for 2023-04-01.</summary>
    [Required, RegularExpression(@"^\d{4}-\d{2}-\d{2}(-preview)?$")] public string ApiVersion { get; set; } = "2023-04-01";

    /// <summary>Pin a dated model for results (and cache entries) that do not shift when "latest" moves.</summary>
    [Required] public string ModelVersion { get; set; } = "latest";

    /// <summary>Asks the service not to log the text for troubleshooting.</summary>
    public bool LoggingOptOut { get; set; }

    /// <summary>
    /// Sent as SentimentAnalysis's <c>opinionMining</c>. Off by default: the enriched document (schemaVersion 1) has no
    /// place for targets and assessments yet, so turning it on only buys their latency until a schema version carries them.
    /// </summary>
    public bool OpinionMining { get; set; }

    /// <summary>
    /// Asks EntityLinking for every document besides the other kinds, and gives each recognised mention that a linked
    /// entity's match covers the service's Wikipedia id as its canonical entity (docs/entity-linking.md). It costs one more
    /// request per five documents and one more text record per started 1,000 characters of each; off, canonical ids come
    /// from the pipeline's own data and rules alone. Part of the analyzer's version, so the cache keeps the two apart.
    /// </summary>
    public bool EntityLinking { get; set; } = true;

    /// <summary>
    /// Requests in flight for this process, all articles together. A request waiting out a retry delay holds its place,
    /// so this is set well above what the rate alone needs (1,000 a minute at 100 ms is under two in flight).
    /// </summary>
    [Range(1, 64)] public int MaxConcurrentRequests { get; set; } = 16;

    /// <summary>
    /// This process's share of the resource's requests per minute, every attempt included: the tier's rate divided by the
    /// instance cap (what <c>infra/</c> sets), so that all instances together stay under it. With
    /// <see cref="ResourceRequestsPerMinute"/> set, pacing adapts and this is its floor.
    /// </summary>
    [Range(1, 100_000)] public int RequestsPerMinute { get; set; } = 1000;

    /// <summary>
    /// The Language resource's own rate, for all instances together (S: 1,000; F0: 300). When above
    /// <see cref="RequestsPerMinute"/>, this process probes up from its share towards it while nothing is throttled and
    /// halves its rate on a 429; unset, it keeps to <see cref="RequestsPerMinute"/>.
    /// </summary>
    [Range(1, 100_000)] public int? ResourceRequestsPerMinute { get; set; }

    /// <summary>
    /// How long the first document waiting for a request may wait for others (from any article) to share it, unless the
    /// request fills first. Under load, documents also gather while a request waits for its turn under the rate.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:00.100")] public TimeSpan BatchLinger { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Retries of one request after the first attempt (then the host's own retries take over).</summary>
    [Range(1, 10)] public int MaxRetries { get; set; } = 3;

    /// <summary>The backoff's starting delay: retry delays grow exponentially from it, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")] public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>Upper bound of one retry delay, a service's Retry-After hint included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")] public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>One attempt's budget. The service answers a full batch in a few seconds; a stalled connection should not hold an article for the SDK's 100 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")] public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed attempts (throttling excluded) within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)] public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts within <see cref="BreakerSamplingDuration"/> before the failure ratio is judged at all.</summary>
    [Range(2, 10_000)] public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window over which the breaker measures failures.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")] public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open; meanwhile calls fail at once as transient, without a request.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")] public TimeSpan BreakerDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest document sent, in text elements; a longer one is rejected locally, without a request, as the service would reject it.</summary>
    [Range(16, LanguageLimits.MaxDocumentTextElements)] public int MaxDocumentTextElements { get; set; } = LanguageLimits.MaxDocumentTextElements;

    /// <summary>Largest request body, in bytes of the JSON sent; batches are split to stay under it.</summary>
    [Range(1024, LanguageLimits.MaxRequestBytes)] public int MaxRequestBytes { get; set; } = LanguageLimits.MaxRequestBytes;

    /// <summary>Batch sizes per kind (<c>Pipeline:Language:DocumentsPerRequest:{Kind}</c>).</summary>
    public DocumentsPerRequest DocumentsPerRequest { get; set; } = new();

    /// <summary>
    /// The checks data annotations cannot express: an absolute http(s) endpoint, a key whenever the endpoint is plain http
    /// (Entra ID tokens are only sent over https), a resource rate no lower than the instance's share, and batch sizes
    /// within the service's limits.
    /// </summary>
    /// <param name="validationContext">The validation context (not used).</param>
    /// <returns>One result per failed check.</returns>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is { IsAbsoluteUri: false } || Endpoint is { Scheme: not ("https" or "http") })
            yield return new ValidationResult("Endpoint must be an absolute http(s) URI, e.g. https://<name>.cognitiveservices.azure.com/.", [nameof(Endpoint)]);
        else if (Endpoint is { Scheme: "http" } && string.IsNullOrEmpty(Key))
            yield return new ValidationResult("Entra ID tokens are only sent over https: set Key, or use the https endpoint.", [nameof(Endpoint), nameof(Key)]);
        if (ResourceRequestsPerMinute < RequestsPerMinute)
            yield return new ValidationResult($"ResourceRequestsPerMinute ({ResourceRequestsPerMinute}) is the whole resource's rate and cannot be below this instance's share, RequestsPerMinute ({RequestsPerMinute}).",
                [nameof(ResourceRequestsPerMinute), nameof(RequestsPerMinute)]);
        foreach (var kind in Enum.GetValues<LanguageKind>())
        {
            int limit = DocumentsPerRequest.For(kind);
            if (limit < 1 || limit > LanguageLimits.DocumentsPerRequest(kind))
                yield return new ValidationResult($"DocumentsPerRequest:{kind} must be 1..{LanguageLimits.DocumentsPerRequest(kind)}.", [nameof(DocumentsPerRequest)]);
        }
    }
}

/// <summary>Documents per request by kind; lower them only if the service lowers its limits.</summary>
public sealed class DocumentsPerRequest
{
    /// <summary>Documents per EntityRecognition request, at most the service's limit.</summary>
    public int EntityRecognition { get; set; } = LanguageLimits.DocumentsPerRequest(LanguageKind.EntityRecognition);

    /// <summary>Documents per SentimentAnalysis request, at most the service's limit.</summary>
    public int SentimentAnalysis { get; set; } = LanguageLimits.DocumentsPerRequest(LanguageKind.SentimentAnalysis);

    /// <summary>Documents per KeyPhraseExtraction request, at most the service's limit.</summary>
    public int KeyPhraseExtraction { get; set; } = LanguageLimits.DocumentsPerRequest(LanguageKind.KeyPhraseExtraction);

    /// <summary>Documents per EntityLinking request, at most the service's limit.</summary>
    public int EntityLinking { get; set; } = LanguageLimits.DocumentsPerRequest(LanguageKind.EntityLinking);

    /// <summary>Documents per LanguageDetection request, at most the service's limit.</summary>
    public int LanguageDetection { get; set; } = LanguageLimits.DocumentsPerRequest(LanguageKind.LanguageDetection);

    internal int For(LanguageKind kind) => kind switch
    {
        LanguageKind.EntityRecognition => EntityRecognition,
        LanguageKind.SentimentAnalysis => SentimentAnalysis,
        LanguageKind.KeyPhraseExtraction => KeyPhraseExtraction,
        LanguageKind.EntityLinking => EntityLinking,
        LanguageKind.LanguageDetection => LanguageDetection,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
